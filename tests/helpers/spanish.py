"""Detectors for the content's Spanish (data/es/): what a translation must keep from its English
(numbers, web addresses, drug names), the fixed terms, words that label people, and English left
in the Spanish. Each returns the problems it finds, in words; an empty list means none."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from explorer.content.translation import current, read_translations
from explorer.content.translation_status import DISCLAIMER_KEY, english_fields

PLACEHOLDER = re.compile(r"\{\w*\}")
SAME_PLACEHOLDER = {"{usted}": "{you}", "{su}": "{your}"}  # the Spanish says the English placeholders so
NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
ADDRESS = re.compile(r"https?://\S+|\b[\w.-]+\.(?:gov|org|com)\b", re.IGNORECASE)

# Each medicine or drug the content names, in English and as the Spanish names it: a translation
# names exactly the drugs its English names.
DRUGS = {
    "methadone": "metadona",
    "buprenorphine": "buprenorfina",
    "naltrexone": "naltrexona",
    "naloxone": "naloxona",
    "fentanyl": "fentanilo",
    "heroin": "heroína",
    "morphine": "morfina",
    "oxycodone": "oxicodona",
    "xylazine": "xilacina",
    "lofexidine": "lofexidina",
    "benzodiazepine": "benzodiazepina",
    "suboxone": "suboxone",
    "vivitrol": "vivitrol",
    "sublocade": "sublocade",
    "brixadi": "brixadi",
    "narcan": "narcan",
    "xanax": "xanax",
}

# The fixed terms (docs/spanish.md): wherever the English says the term, the Spanish says its one
# Spanish form.
FIXED_TERMS = {
    r"\boverdos": "sobredosis",
    r"\bwithdrawal\b": "abstinencia",
    r"\bdetox": "desintox",
    r"\btolerance\b": "tolerancia",
    r"\bopioid treatment programs?\b": "programa de tratamiento de opioides|programas de tratamiento de opioides",
    r"\brelapse": "reca",
    r"\bcravings?\b": "ansia",
    r"\bcounseling\b": "consejería",
    r"\bsupport groups?\b": "grupo de apoyo|grupos de apoyo",
    r"\bpeer support\b": "apoyo entre pares",
    r"\bside effects?\b": "efecto secundario|efectos secundarios",
    r"\btake-home doses?\b": "dosis para llevar",
    r"\bextended-release\b": "liberación prolongada",
    r"\bmedication-assisted treatment\b": "tratamiento asistido por medicamentos",
    r"\bhealth ?care professionals?\b": "profesional de la salud|profesionales de la salud",
    r"\btalk therapy\b": "terapia de conversación",
    r"\bcognitive-behavioral\b": "cognitivo-conductual",
    r"\bmotivational interviewing\b": "entrevista motivacional",
    r"\bcontingency management\b": "manejo de contingencias",
    r"\bpartial (?:opioid )?agonist\b": "agonista opioide parcial|agonista parcial",
    r"\bantagonist\b": "antagonista",
    r"\bopioids?\b": "opioide",
    r"\bnarcotics anonymous\b": "narcóticos anónimos",
}
# Other words for the same things, which the Spanish never uses (one term, the same everywhere).
NOT_THE_FIXED_TERM = re.compile(
    r"\b(?:retirada|antojos?|asesoramiento|asesoría|desintoxicacion|opiode|opioides? de tratamiento)\b",
    re.IGNORECASE,
)
# Words that label a person by drug use: never in the explorer's own Spanish words.
LABELS = re.compile(r"\b(?:adict[oa]s?|drogadict[oa]s?|toxicóman[oa]s?|viciosos?|yonquis?|tecatos?)\b", re.IGNORECASE)
# Small English words that no Spanish sentence of the explorer's contains.
ENGLISH_WORDS = re.compile(r"\b(?:the|and|with|you|your|which|what|this|that|is|are|of)\b")
SAME_IN_BOTH = frozenset({"no", "mat", "otp", "moud", "narcan"})  # a translation may equal its English


@dataclass(frozen=True)
class Pair:
    """One English text and its current Spanish translation."""

    key: str
    english: str
    spanish: str
    quote: bool  # a verbatim quote's translation (not the explorer's own words)


def pairs(root: Path) -> list[Pair]:
    """Every English text under `root` with its current Spanish translation (lists joined)."""
    translations = read_translations(root, "es")
    found = []
    for key, english in english_fields(root).items():
        translation = translations.get(key)
        if key == DISCLAIMER_KEY:
            continue  # translated whole in DISCLAIMER.es.md, checked by its own test
        if translation is not None and current(translation, english):
            spanish = translation.text
            found.append(
                Pair(
                    key,
                    english if isinstance(english, str) else "\n".join(english),
                    spanish if isinstance(spanish, str) else "\n".join(spanish),
                    key.startswith("quotes.") or (key.startswith("sections.") and key.endswith(".text")),
                )
            )
    return found


def kept_apart(pair: Pair) -> list[str]:
    """What a translation changed that it must keep: numbers, web addresses, drug names, and the
    placeholders that word it for whom the reader explores."""
    problems = []
    spanish_placeholders = {SAME_PLACEHOLDER.get(p, p) for p in PLACEHOLDER.findall(pair.spanish)}
    if set(PLACEHOLDER.findall(pair.english)) != spanish_placeholders:
        problems.append(
            f"{pair.key}: placeholders {PLACEHOLDER.findall(pair.english)} became {PLACEHOLDER.findall(pair.spanish)}"
        )
    if set(NUMBER.findall(pair.english)) != set(NUMBER.findall(pair.spanish)):
        problems.append(f"{pair.key}: numbers {NUMBER.findall(pair.english)} became {NUMBER.findall(pair.spanish)}")
    if set(ADDRESS.findall(pair.english)) != set(ADDRESS.findall(pair.spanish)):
        problems.append(f"{pair.key}: web addresses differ")
    english, spanish = pair.english.lower(), pair.spanish.lower()
    for drug, spanish_name in DRUGS.items():
        if (drug in english) != (spanish_name in spanish):
            problems.append(f"{pair.key}: {drug} is named in one and not the other")
    return problems


def fixed_terms_missed(pair: Pair) -> list[str]:
    """Each fixed term the English uses whose Spanish form the translation lacks, and any other
    word for the same thing."""
    problems = [
        f"{pair.key}: {english!r} is not said as {spanish!r}"
        for english, spanish in FIXED_TERMS.items()
        if re.search(english, pair.english, re.IGNORECASE) and not re.search(spanish, pair.spanish, re.IGNORECASE)
    ]
    found = NOT_THE_FIXED_TERM.search(pair.spanish)
    if found:
        problems.append(f"{pair.key}: {found.group(0)!r} instead of the fixed term")
    return problems


def english_left(pair: Pair) -> list[str]:
    """English in the explorer's own Spanish words: a text left as it was, or English words."""
    if pair.quote:
        return []
    if pair.spanish.strip().lower() == pair.english.strip().lower() and pair.english.lower() not in SAME_IN_BOTH:
        return [f"{pair.key}: left in English ({pair.spanish!r})"]
    # A name in brackets may stay English; {you} and {your} are placeholders, worded at run time.
    found = ENGLISH_WORDS.search(re.sub(r"\(.*?\)|\{\w*\}", "", pair.spanish))
    return [f"{pair.key}: English word {found.group(0)!r} in {pair.spanish!r}"] if found else []


def labels_people(pair: Pair) -> list[str]:
    """Words in the explorer's own Spanish that label a person by drug use."""
    found = None if pair.quote else LABELS.search(pair.spanish)
    return [f"{pair.key}: {found.group(0)!r} labels a person (say: persona que usa opioides)"] if found else []
