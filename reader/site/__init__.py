"""The classroom copy: the archive as static HTML that any browser opens, rendered with its own
link resolver into page templates (templates/) beside its assets (assets/). Never imports Qt."""
