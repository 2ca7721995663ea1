"""What an archivist checks: the manifest and its verification, provenance, and the gap report.
Never imports Qt."""
