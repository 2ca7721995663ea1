"""The look of a page in each theme: colours and the style sheet built from them.

Sizes are relative (keywords, not points), so that the reader's zoom and font
choice scale everything together.
"""

from __future__ import annotations

from typing import NamedTuple


class Colors(NamedTuple):
    text: str
    background: str
    muted: str
    link: str
    missing: str
    term: str
    highlight: str
    highlight_text: str
    found: str  # search hits and find-in-page matches, apart from noted passages


THEMES: dict[str, Colors] = {
    "light": Colors(text="#1c1c1c", background="#ffffff", muted="#5f6368", link="#1a5fb4",
                    missing="#8a8a8a", term="#1f6f5c", highlight="#fff1a8",
                    highlight_text="#1c1c1c", found="#ffc870"),
    "dark": Colors(text="#e8e6e3", background="#1e1f22", muted="#a5a9b0", link="#8ab4f8",
                   missing="#8d9096", term="#7fd1b9", highlight="#6b5b12",
                   highlight_text="#ffffff", found="#8a4b00"),
    "high-contrast": Colors(text="#ffffff", background="#000000", muted="#ffffff",
                            link="#ffff00", missing="#c0c0c0", term="#00ffff",
                            highlight="#0000c0", highlight_text="#ffffff",
                            found="#008000"),
}


def page_css(colors: Colors) -> str:
    return f"""
body {{ color: {colors.text}; background-color: {colors.background}; }}
h1 {{ font-weight: 600; margin-bottom: 2px; }}
h2 {{ font-weight: 600; margin-top: 18px; }}
h3 {{ font-weight: 600; margin-top: 14px; margin-bottom: 2px; }}
p {{ margin-top: 4px; margin-bottom: 8px; line-height: 140%; }}
li p {{ margin-top: 2px; margin-bottom: 4px; }}
p.provenance {{ font-size: small; color: {colors.muted}; margin-bottom: 16px; }}
p.aliases {{ color: {colors.muted}; font-style: italic; margin-bottom: 2px; }}
p.stub {{ font-size: large; }}
a {{ color: {colors.link}; }}
a.missing {{ color: {colors.missing}; }}
a.term {{ color: {colors.term}; text-decoration: none; }}
span.image-alt {{ color: {colors.muted}; font-style: italic; }}
p.course-order {{ margin-top: 28px; font-size: small; }}
"""
