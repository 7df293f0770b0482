"""How every run must end: one line for a refusal, and the referral last, in every format; and
what no output may say: a ranking of the options or advice (the "what matters" section above all)."""

from __future__ import annotations

import json
import re

from explorer.content.toml import squash
from explorer.referral import REFERRAL_TEXT
from explorer.render.finish import referral

PROG = "treatment-explorer: "
MARKDOWN_REFERRAL_HEADING = "## Talk to a healthcare professional"


def error_message(err: str) -> str:
    """The one-line message of a refused run: stderr must be exactly that line, then the referral.
    (Not a terminal, so the referral is rendered 80 columns wide.)"""
    closing = "\n\n" + referral(80)
    assert err.endswith(closing), err[-400:]
    message = err[: -len(closing)]
    assert message.startswith(PROG), message[:200]
    assert "\n" not in message, message[:400]
    assert "Traceback" not in message
    return message[len(PROG) :]


# What the referral must say, whatever the width or the format wrapped it.
REFERRAL_ESSENTIALS = (
    "healthcare professional",
    "1-800-662-HELP (4357)",
    "TTY: 1-800-487-4889",
    "confidential",
    "English and Spanish",
    "family and friends can call too",
    "FindTreatment.gov",
    "988",
    "911",
)
REFERRAL_LAST_LINE = "In an emergency or an overdose: call 911."
# The same, in Spanish (--lang es): what is true in Spanish, too.
SPANISH_REFERRAL_HEADING = "HABLE CON UN PROFESIONAL DE LA SALUD"
SPANISH_REFERRAL_ESSENTIALS = (
    "profesional de la salud",
    "1-800-662-HELP (4357)",
    "TTY: 1-800-487-4889",
    "confidencial",
    "en español y en inglés",
    "FindTreatment.gov",
    "marque 2",
    "AYUDA",
    "911",
)
SPANISH_REFERRAL_LAST_LINE = "En una emergencia o una sobredosis: llame al 911."


def assert_referral_last(out: str, fmt: str = "screen") -> dict | None:
    """A complete output ends with the referral; for JSON it is the last key (returns the JSON).
    "screen" is what a terminal showed (or a stream held): the block's words, whatever the width
    wrapped; "text" is, besides, exactly the block at 80 columns (the width without a terminal)."""
    if fmt == "json":
        data = json.loads(out)
        assert list(data)[-1] == "referral", list(data)
        assert data["referral"] == {"text": REFERRAL_TEXT}
        return data
    heading = MARKDOWN_REFERRAL_HEADING if fmt == "markdown" else "TALK TO A HEALTHCARE PROFESSIONAL"
    essentials, last = REFERRAL_ESSENTIALS, REFERRAL_LAST_LINE
    if fmt == "screen" and SPANISH_REFERRAL_HEADING in out and heading not in out:  # a run in Spanish
        heading, essentials, last = SPANISH_REFERRAL_HEADING, SPANISH_REFERRAL_ESSENTIALS, SPANISH_REFERRAL_LAST_LINE
    at = out.rfind(heading)
    assert at >= 0, f"no referral: {out[-600:]}"
    tail = " ".join(out[at:].split())
    for needle in essentials:
        assert needle in tail, needle
    assert tail.endswith(last), out[-600:]
    if fmt == "markdown":
        assert "\n#" not in out[at:], "a heading after the referral"
    elif fmt == "text":
        assert out.endswith(referral(80)), out[-400:]
    return None


# ---- never a ranking ------------------------------------------------------------------------------

RANKING = re.compile(
    "|".join(
        [
            r"\bbest\b",
            r"\brecommend\w*",
            r"\bscor(?:e|es|ed|ing)\b",
            r"\brank\w*",
            r"\bmatch(?:es|ed|ing)?\b",
            r"\btop (?:choice|pick|option)\b",
            r"\b(?:better|worse|ideal|right|preferred) (?:fit|choice|option|for)\b",
            r"\bfits? (?:you|them|best|better)\b",
            r"\b(?:first|second|third) choice\b",
            # A score ("8 out of 10"); "N out of 100 people", the outcome figures' frequencies
            # (data/figures.toml), is the one phrasing allowed: it counts people, it rates nothing.
            r"\b\d+\s*(?:/\s*10|out of (?!100 people\b)\d+|points?|stars?)\b",
            r"\byou(?:'d| would)? (?:should|must|need to|have to|ought)\b",
            r"\b(?:they|the person you care about) (?:should|must|needs? to|has to|ought)\b",
            r"\bwe (?:recommend|advise|suggest)\b",
            r"\b(?:should|must) (?:choose|pick|take|try|start|stop|go)\b",
            r"\b(?:first|second|third)[- ]line\b",
            r"\bgold[- ]standard\b",
            r"\bsuperior\b",
            r"\bmost effective\b",
            r"\bpreferred (?:treatment|medication|medicine|option|therapy)\b",
        ]
    ),
    re.IGNORECASE,
)


# Citations, not advice: the title of a source of the explorer's notes (CDC guideline 2022).
CITATIONS = ("Recommendation 12",)


def ranking_words(text: str) -> list[str]:
    text = squash(text)
    for citation in CITATIONS:
        text = text.replace(citation, " ")
    return [m.group(0) for m in RANKING.finditer(text)]


# ---- composed sentences that read as one ------------------------------------------------------------

SENTENCE_BREAK = re.compile(r"[.!?;] +\w")


def garbled(sentence: str) -> list[str]:
    """What makes a sentence composed of several reasons' leads unreadable: two sentences glued
    into one ("... how the medications work. Note the setting, and because ..."), or a clause said
    twice. Empty when it reads as one sentence."""
    body = " ".join(sentence.split()).rstrip(".")
    problems = [f"two sentences glued: {m.group(0)!r}" for m in SENTENCE_BREAK.finditer(body)]
    seen: set[str] = set()
    for clause in re.split(r",|[.!?;] ", body):
        clause = re.sub(r"^(?:and |but |because )+", "", clause.strip().lower())
        if clause and clause in seen:
            problems.append(f"a clause said twice: {clause!r}")
        seen.add(clause)
    return problems


# ---- never coercion, never blame, never a stigmatizing word --------------------------------------

COERCION_OR_STIGMA = re.compile(
    "|".join(
        [
            r"\bforc(?:e|es|ed|ing)\b",
            r"\btrick\w*",
            r"\bthreat\w*",
            r"\bcut (?:them |him |her |the person )?off\b",
            r"\bultimatum\w*",
            r"\btough love\b",
            r"\brock bottom\b",
            r"\bkick (?:them|him|her) out\b",
            r"\benabl(?:e|es|ing|er|ers)\b",
            r"\b(?:your|their) fault\b",
            r"\baddicts?\b",
            r"\bjunkies?\b",
            r"\babusers?\b",
            r"\b(?:clean|dirty)\b",
        ]
    ),
    re.IGNORECASE,
)


def coercion_or_stigma(text: str) -> list[str]:
    """Words that push a family toward force or blame, or that label a person by their drug use."""
    return [m.group(0) for m in COERCION_OR_STIGMA.finditer(squash(text))]
