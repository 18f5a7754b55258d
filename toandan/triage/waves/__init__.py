"""Near-duplicate waves: masked texts, MinHash signatures and LSH buckets (``engine``), their storage in the
database and the incremental detection run (``detection``), and warnings drafted from growing waves
(``drafts``)."""
