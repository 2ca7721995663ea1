"""Dialogs the window opens: notes, handouts, page info, verify, classroom copy, successor."""
