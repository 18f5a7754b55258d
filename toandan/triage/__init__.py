"""Triage intelligence: offline risk scoring of scam messages and links, and the training of its models.

Public API: ``toandan.triage.message.score_message`` and ``toandan.triage.url.score_url``, both returning a
``toandan.triage.verdict.Verdict``.
"""
