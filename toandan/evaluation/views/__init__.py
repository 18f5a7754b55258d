"""Staff pages of the evaluation app, one module per subject."""
