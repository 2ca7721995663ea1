"""Pages as the reader shows and prints them: Markdown to safe HTML, page style, render cache,
the program's own wording about the archive, and handouts. Never imports Qt."""
