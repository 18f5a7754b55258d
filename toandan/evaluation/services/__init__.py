"""State changes of the evaluation app: one transaction and one audit row each."""
