"""Triage intelligence: offline risk scoring of scam messages and links, suggestions for new reports, and
waves of reports repeating one scam script.

Public API: ``toandan.triage.message.score_message`` and ``toandan.triage.url.score_url``, both returning a
``toandan.triage.verdict.Verdict``; ``toandan.triage.reputation.report_counts`` as the scorer's reputation
lookup; ``toandan.triage.panel.case_panel`` for the officer's case page.
"""
