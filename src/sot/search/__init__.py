"""Search of court acts: language analysis (kk, ru), indexing, queries (issue 8)."""
