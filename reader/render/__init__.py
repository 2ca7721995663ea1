"""Pages as the reader shows and prints them: Markdown to safe HTML through one pipeline and
one link resolver, page style, render cache, every sentence the program says about the archive
(wording.py), and handouts. Never imports Qt."""
