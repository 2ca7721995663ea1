"""Where the reader has been in this session: back and forward, with scroll positions."""

from __future__ import annotations

Place = tuple[str, int]  # (slug, scroll position)


class History:
    def __init__(self) -> None:
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self.current: str = ""

    def visit(self, slug: str, leaving_scroll: int = 0) -> None:
        """A new page was opened by a link, the tree, a search result or a note."""
        if self.current and slug != self.current:
            self._back.append((self.current, leaving_scroll))
            self._forward.clear()
        self.current = slug

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self, leaving_scroll: int) -> Place | None:
        if not self._back:
            return None
        self._forward.append((self.current, leaving_scroll))
        place = self._back.pop()
        self.current = place[0]
        return place

    def forward(self, leaving_scroll: int) -> Place | None:
        if not self._forward:
            return None
        self._back.append((self.current, leaving_scroll))
        place = self._forward.pop()
        self.current = place[0]
        return place
