"""Case triage: a suggested category and priority for each new report, with reasons, the officer's decision,
the accuracy of suggestions, and the category model retrained from the platform's own confirmed cases."""
