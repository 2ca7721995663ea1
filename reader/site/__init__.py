"""The classroom copy: the archive as static HTML that any browser opens. Never imports Qt."""
