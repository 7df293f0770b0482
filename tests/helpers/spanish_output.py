"""Checks of the explorer's Spanish: English left in Spanish output, and what must stay the same
between a message and its translation (numbers, phone numbers, web addresses, placeholders,
options, drug names)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .spanish import DRUGS  # the fixed Spanish name of each drug, one table for content and program

# Words that are English and never Spanish: two or more of them in one sentence (a line, or what
# lies between sentence marks) are English left in Spanish output.
ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "you",
        "your",
        "with",
        "is",
        "are",
        "of",
        "to",
        "this",
        "that",
        "for",
        "it",
        "its",
        "what",
        "which",
        "will",
        "can",
        "be",
        "have",
        "has",
        "from",
        "on",
        "an",
        "or",
        "at",
        "by",
        "was",
        "were",
        "not",
        "if",
        "how",
        "there",
        "their",
        "they",
        "we",
        "our",
        "would",
        "should",
        "could",
        "about",
        "into",
        "than",
        "then",
        "when",
        "where",
        "who",
        "why",
        "been",
        "being",
        "does",
        "did",
        "after",
        "before",
        "only",
        "also",
        "more",
        "most",
        "other",
        "some",
        "such",
        "these",
        "those",
    ]
)

# English that Spanish output shows on purpose: names of services and commands, the line that
# says in English how to switch to English, and what content marks as English ("(en inglés)").
MEANT_IN_ENGLISH = (
    "SAMHSA's National Helpline",
    "In English: treatment-explorer --lang en",
)
# What the content marks as English (a translation missing or stale): the marked text, however
# many lines it was wrapped over, to the end of its paragraph.
MARKED_ENGLISH = re.compile(r"\(en inglés\)[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*")
QUOTED = re.compile(r"“[^”]*”")  # between quotation marks: a document's own words (its title, a quote)
# A note's sources: publishers' and publications' own names and titles, up to the next blank line.
SOURCES = re.compile(r"Fuentes?: .*?(?=\n\s*\n|\Z)", re.DOTALL)
PLACEHOLDERS = re.compile(r"\{\w*\}")  # {you}, {your}: worded at run time, shown raw by `rules`
IDENTIFIER = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b")  # an id ("naltrexone-does-not-relieve-withdrawal")


def english_left(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The sentences (or lines) of `text` that are English: at least two English-only words,
    and at least one in six of its words."""
    for piece in (*MEANT_IN_ENGLISH, *allowed):
        text = text.replace(piece, " ")
    text = MARKED_ENGLISH.sub(" ", text)
    text = QUOTED.sub(" ", text)
    text = SOURCES.sub(" ", text)
    text = PLACEHOLDERS.sub(" ", text)
    text = IDENTIFIER.sub(" ", text)
    found = []
    for sentence in re.split(r"(?<=[.!?;:])\s+|\n", text):
        words = re.findall(r"[a-záéíóúñü']+", sentence.lower())
        hits = [word for word in words if word in ENGLISH_WORDS]
        if len(hits) >= 2 and len(hits) * 6 >= len(words):
            found.append(" ".join(sentence.split()))
    return found


PHONE_OR_NUMBER = re.compile(r"\d[\d-]*")
WEB_ADDRESS = re.compile(r"\b[\w.-]+\.(?:gov|org|com|net|md|json|html)\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{\w*\}|%\(\w+\)[sdr]|%[sdr]")
OPTION = re.compile(r"(?<![\w-])--?[a-z][\w-]*")
BRAND_NAMES = ("Suboxone", "Sublocade", "Brixadi", "Zubsolv", "Vivitrol", "Narcan", "Kloxxado", "Lucemyra")


def fixed_parts(text: str) -> set[str]:
    """What a translation keeps exactly: numbers and phone numbers, web addresses, placeholders,
    command-line options and drug brand names."""
    found = set(PHONE_OR_NUMBER.findall(text)) | {m.lower() for m in WEB_ADDRESS.findall(text)}
    found |= set(PLACEHOLDER.findall(text)) | set(OPTION.findall(text))
    return found | {name for name in BRAND_NAMES if name in text}


def parity_problems(english: str, spanish: str) -> list[str]:
    """What differs between a message and its translation where nothing may: an empty list when
    they agree."""
    problems = []
    lost, added = fixed_parts(english) - fixed_parts(spanish), fixed_parts(spanish) - fixed_parts(english)
    if lost or added:
        problems.append(f"{english!r}: lost {sorted(lost)}, added {sorted(added)}")
    for drug, term in DRUGS.items():
        if drug in english.lower() and term not in spanish.lower():
            problems.append(f"{english!r}: {drug} is {term!r} in Spanish")
    return problems
