"""A synthetic archive in the content format, for benchmarks: same seed, same bytes.

The pages read like prose to the indexer: Zipf-distributed words from a
vocabulary of real conflict-studies words (in several inflections, so stemming
has work to do), a few accented words, and thousands of made-up words, in
sentences, paragraphs, headings, lists and links between pages.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

import yaml

SECTIONS = (("problems", "Problems"), ("approaches", "Approaches"), ("examples", "Examples"),
            ("theory", "Background Theory"), ("resources", "Resources"))

# Real words, each with inflections so "negotiating" must find "negotiation".
STEMS = (
    "negotiate negotiation negotiating negotiator", "mediate mediation mediator mediating",
    "conflict conflicts conflicting", "escalate escalation escalating",
    "diplomacy diplomat diplomatic diplomats", "threat threaten threatening threats",
    "coerce coercion coercive", "trust trusting trusted", "power powerful powers",
    "dialogue dialogues", "peace peaceful peacemaking", "violence violent",
    "identity identities", "interest interests interested", "right rights",
    "justice unjust injustice", "reconcile reconciliation reconciling",
    "communicate communication communicating", "resolve resolution resolving",
    "settle settlement settling", "intractable intractability", "party parties",
    "community communities", "bargain bargaining bargained", "legitimate legitimacy",
    "deter deterrence deterring", "sanction sanctions sanctioned", "facilitate facilitator",
    "arbitrate arbitration arbitrator", "grievance grievances", "polarize polarization",
    "stereotype stereotypes stereotyping", "fear fears fearful", "framing frame frames",
    "consensus consensual", "cooperate cooperation cooperative", "compete competition",
    "escalatory", "ceasefire", "treaty treaties", "border borders", "refugee refugees",
    "trauma traumatic", "memory memories", "apology apologize", "forgive forgiveness",
    "negotiable", "leverage", "stalemate", "ripeness ripe", "spoiler spoilers",
)
ACCENTED = ("négociation", "café", "naïve", "résumé", "Zürich", "São", "façade", "élite",
            "Genève", "coöperation")
_FILLER = ("the of and to a in that is for it as with was on be by this are or from at "
           "which but not have an they their more can other when these will may such "
           "also between about its often some most into than those who over each")
FILLER = _FILLER.split()  # the most frequent words, as in any English text
_SYLLABLES = "ka lo mi ne ru ta se vo ri da pe lu mo ni sa ko ve ra ti bo gan dor mel tis vor bar"
SYLLABLES = (_SYLLABLES + " len quin zu fa").split()  # made-up words are made of these


@dataclass
class SyntheticArchive:
    """What the generator wrote, and the words a benchmark can build queries from."""

    root: Path
    slugs: list[str]
    titles: list[str]
    vocabulary: list[str]
    real_words: list[str]
    sample_texts: list[str] = field(default_factory=list)


def _made_up_words(rng: random.Random, count: int) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def generate_archive(root: Path, pages: int, *, seed: int = 0, words_per_page: int = 600,
                     glossary_terms: int = 0, made_up_words: int = 20000) -> SyntheticArchive:
    """Write course.yaml, pages/<slug>.md (and glossary.yaml when asked) under `root`.

    Deterministic for a given seed and arguments, so benchmark figures can be
    compared between runs and machines.
    """
    rng = random.Random(seed)
    real = [word for group in STEMS for word in group.split()]
    invented = _made_up_words(rng, made_up_words)
    # Filler first (most frequent), then real and accented words, then the long tail.
    vocabulary = FILLER + real + list(ACCENTED) + invented
    weights = list(accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(vocabulary))))
    choose = rng.choices

    root.mkdir(parents=True, exist_ok=True)
    (root / "pages").mkdir(exist_ok=True)
    slugs: list[str] = []
    titles: list[str] = []
    seen: set[str] = set()
    title_pool = real + invented[:3000]
    for number in range(pages):
        words = rng.sample(title_pool, rng.randint(2, 4))
        title = " ".join(word.capitalize() for word in words)
        slug = "-".join(words)
        if slug in seen:
            slug = f"{slug}-{number}"
        seen.add(slug)
        slugs.append(slug)
        titles.append(title)

    sections: dict[str, list[str]] = {section_id: [] for section_id, _ in SECTIONS}
    samples: list[str] = []
    for number, (slug, title) in enumerate(zip(slugs, titles, strict=True)):
        section_id = SECTIONS[number % len(SECTIONS)][0]
        sections[section_id].append(slug)
        body = _body(rng, choose, vocabulary, weights, words_per_page, slugs, titles)
        if number < 50:
            samples.append(body)
        front = yaml.safe_dump({"title": title, "section": section_id,
                                "summary": f"A synthetic page about {title.lower()}."},
                               sort_keys=False, allow_unicode=True)
        (root / "pages" / f"{slug}.md").write_text(f"---\n{front}---\n\n{body}",
                                                   encoding="utf-8")

    course = {
        "format": 1,
        "title": f"Synthetic Course of {pages} Pages",
        "short_title": "Synthetic",
        "publisher": "OTPIC Reader benchmarks",
        "home": slugs[0] if slugs else "",
        "sections": [{"id": section_id, "title": section_title,
                      "pages": sections[section_id]} for section_id, section_title in SECTIONS],
    }
    (root / "course.yaml").write_text(yaml.safe_dump(course, sort_keys=False),
                                      encoding="utf-8")
    if glossary_terms:
        _glossary(root, rng, choose, vocabulary, weights, real + invented, glossary_terms)
    return SyntheticArchive(root, slugs, titles, vocabulary, real, samples)


def _sentence(rng: random.Random, choose, vocabulary: list[str], weights: list[float]) -> str:
    words = choose(vocabulary, cum_weights=weights, k=rng.randint(8, 20))
    return words[0][:1].upper() + " ".join(words)[1:] + rng.choice(".....?;")


def _body(rng: random.Random, choose, vocabulary: list[str], weights: list[float],
          count: int, slugs: list[str], titles: list[str]) -> str:
    parts: list[str] = []
    written = 0
    while written < count:
        kind = rng.random()
        if kind < 0.08 and parts:
            heading = " ".join(choose(vocabulary, cum_weights=weights, k=3)).capitalize()
            parts.append(f"## {heading}")
            written += 3
        elif kind < 0.16:
            other = rng.randrange(len(slugs))
            description = _sentence(rng, choose, vocabulary, weights)
            parts.append(f"- [{titles[other]}]({slugs[other]}.md)\n\n    {description}")
            written += len(description.split()) + len(titles[other].split())
        else:
            sentences = [_sentence(rng, choose, vocabulary, weights)
                         for _ in range(rng.randint(3, 6))]
            paragraph = " ".join(sentences)
            if rng.random() < 0.3:
                words = paragraph.split(" ")
                spot = rng.randrange(len(words))
                words[spot] = f"*{words[spot]}*"
                paragraph = " ".join(words)
            parts.append(paragraph)
            written += len(paragraph.split())
    return "\n\n".join(parts) + "\n"


def _glossary(root: Path, rng: random.Random, choose, vocabulary: list[str],
              weights: list[float], names: list[str], count: int) -> None:
    terms = []
    for name in sorted(set(rng.sample(names, min(count, len(names))))):
        definition = " ".join(_sentence(rng, choose, vocabulary, weights) for _ in range(2))
        terms.append({"term": name.capitalize(), "definition": definition})
    (root / "glossary.yaml").write_text(
        yaml.safe_dump({"version": 1, "terms": terms}, sort_keys=False, allow_unicode=True),
        encoding="utf-8")
