"""The ground floor: recognising, normalising and extracting identifiers (phones, bank accounts, URLs,
domains, e-mails, social handles, wallets) and folding Vietnamese text. Pure functions over text, Django-free:
this package imports nothing of the project, and every app imports it downward."""
