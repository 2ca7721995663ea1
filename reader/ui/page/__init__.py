"""The page on screen: its view, the margins beside the text, find in page, annotation."""
