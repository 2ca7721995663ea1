"""Qt widgets only: they ask the archive and the user's store, and show the answers."""
