"""The classroom copy's search speaks the reader's query language (issue 16, item 10).

The copy's own search.js runs here under node: it must parse every query exactly as
reader/search/query.py does, and find in the copy what that grammar asks for (words all
must match, "quoted phrases", prefix*, OR). The same cases run in headless Chromium in
test_site_export.py when it is installed.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.search.query import parse_query
from reader.site.export import export_site
from reader.site.names import SEARCH_INDEX, SEARCH_SCRIPT
from tests.search.test_search_query import HOSTILE

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

GRAMMAR = [
    "coercive diplomacy", "coercive AND diplomacy", '"citizen diplomacy"', '"track two"*',
    "negot*", "negot*.", "(negot*)", "peace talks OR negotiations", '"track two" OR backlash',
    "a OR b OR c", "OR", "AND", "coercive OR", "OR diplomacy", "peace or war", "multi-track",
    "U.S.", "l'État", "“curly quoted”", "«guillemets»", '"unbalanced', "Élan naïve",
    "word " * 40, "x" * 1200, "a\x1cb", "a\x85b", "a\ufeffb", "🙂*", "é*", "**", "_x_",
]
PIECES = [*"ab1 -_*.'’/&+@\"“”«»()", "OR", "AND", " OR ", "é", "e\u0301", "ß", "½", "😀",
          "\t", "\u00a0", "\u2028", "\x1c", "\ufeff", "Ω", "中文"]


def random_queries(count: int) -> list[str]:
    chance = random.Random(16)
    return ["".join(chance.choice(PIECES) for _ in range(chance.randint(0, 14)))
            for _ in range(count)]


def as_python(text: str) -> list[list[dict]]:
    return [[{"words": list(term.words), "prefix": term.prefix} for term in group]
            for group in parse_query(text).groups]


def run_node(script: str, data: object) -> object:
    assert NODE
    result = subprocess.run([NODE, "-e", script], input=json.dumps(data), capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import BUNDLED

    out = tmp_path_factory.mktemp("copy") / "site"
    export_site(Archive.open(BUNDLED), out)
    return out


def test_search_js_parses_every_query_as_the_reader_does(copy: Path) -> None:
    queries = GRAMMAR + HOSTILE + random_queries(600)
    script = (f"const q = require({json.dumps(str(copy / SEARCH_SCRIPT))});"
              "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(cases.map(q.parse)));")
    parsed = run_node(script, queries)
    for text, got in zip(queries, parsed, strict=True):
        assert got == as_python(text), text


SEARCHES = {
    # every word must match, in any order
    "coercive diplomacy": ({"coercive-diplomacy.html", "coercive-prevention.html"},
                           {"unofficial-communication.html"}),
    # a phrase: its words next to each other, in that order
    '"citizen diplomacy"': ({"unofficial-communication.html"}, {"coercive-diplomacy.html"}),
    '"diplomacy citizen"': (set(), {"unofficial-communication.html"}),
    # either side of OR will do, and OR binds only its neighbours
    "xyzzy OR backlash": ({"coercive-diplomacy.html", "glossary.html#term-backlash"}, set()),
    "peace talks OR negotiations": ({"unofficial-communication.html"},
                                    {"coercive-diplomacy.html"}),
    # a prefix, and the same letters without the star (a whole word only)
    "negot*": ({"glossary.html#term-negotiation", "coercive-diplomacy.html"}, set()),
    "negot": (set(), {"glossary.html#term-negotiation"}),
    # words joined by a hyphen are a phrase, as in the reader
    "multi-track": ({"unofficial-communication.html"}, {"coercive-diplomacy.html"}),
    "xyzzy": (set(), {"coercive-diplomacy.html"}),
}


def test_search_js_finds_in_the_copy_what_the_query_asks_for(copy: Path) -> None:
    script = ("global.window = {};"
              f"require({json.dumps(str(copy / SEARCH_INDEX))});"
              f"const q = require({json.dumps(str(copy / SEARCH_SCRIPT))});"
              "const docs = window.OTPIC_SEARCH_INDEX.docs;"
              "const asked = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(asked.map("
              "text => (q.search(docs, text) || []).map(hit => hit.doc.url))));")
    found = dict(zip(SEARCHES, run_node(script, list(SEARCHES)), strict=True))
    for text, (wanted, unwanted) in SEARCHES.items():
        assert wanted <= set(found[text]), (text, found[text])
        assert not unwanted & set(found[text]), (text, found[text])
    assert found["xyzzy"] == []
    assert found["coercive diplomacy"][0] == "coercive-diplomacy.html"  # title matches first
