"""Reading saved copies of the original site into page files, word for word, with provenance.
Never imports Qt."""
