"""The classroom copy's page templates (templates/) and assets (assets/), files of the
package read through importlib.resources, so an installed wheel or a frozen build finds
them as a checkout does.

Templates are string.Template files: $name is filled in, with markup escaped by the
caller. A whole file (a page, the search index) keeps its last line break; a part set
inside a page does not.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from string import Template

from reader.render.page_style import THEMES, Colors
from reader.site.names import STYLE


def _read(folder: str, name: str) -> str:
    text = resources.files("reader.site").joinpath(folder, name).read_text("utf-8")
    return text.replace("\r\n", "\n")


@cache
def _template(name: str) -> Template:
    return Template(_read("templates", name))


def fill(name: str, **values: object) -> str:
    """A whole file of the copy from its template."""
    return _template(name).substitute(values)


def part(name: str, **values: object) -> str:
    """A piece of a page from its template, without the file's last line break."""
    return fill(name, **values).removesuffix("\n")


def asset(name: str) -> str:
    """A file the copy carries as it is (search.js, the layout of style.css)."""
    return _read("assets", name)


def site_css() -> str:
    """style.css: the reader's light and dark colours, then the layout from assets/."""
    def variables(colors: Colors) -> str:
        return "".join(f"  --{name.replace('_', '-')}: {value};\n"
                       for name, value in colors._asdict().items())

    return (f":root {{\n{variables(THEMES['light'])}}}\n"
            f"@media (prefers-color-scheme: dark) {{\n  :root {{\n"
            f"{variables(THEMES['dark']).replace('  --', '    --')}  }}\n}}\n\n{asset(STYLE)}")
