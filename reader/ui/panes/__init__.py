"""The docks beside the page: contents, glossary, bookmarks, notes and search results."""
