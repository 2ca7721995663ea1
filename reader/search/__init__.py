"""Full-text search over pages, glossary and notes: the query language, the index and its cache.
Never imports Qt."""
