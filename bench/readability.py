"""How easy the explorer's own words are to read: `python -m bench.readability [FOLDER]`.

The explorer speaks in two voices. Quotes are the documents' words and stay as they are. Its own
words should read at about a 6th-grade level, in short sentences. They live in two places: the
content (data/ and rules/: notes, the reasons a section is shown, questions, labels, cautions'
leads, the words of "what matters" and of the comparison, the rules' plain-word explanations, the
glossary) and the program (the fixed texts it writes on screen, in --help, in its errors and in the
saved summary: string constants and f-strings of the modules that speak to the person, the phrases
of the command table as --help joins them, the text of the summary's template, DISCLAIMER.md). This module
collects both and measures them with textstat (Flesch-Kincaid grade; syllables counted by pyphen,
which works offline): the grade of all of them together, each note's grade, each longer fixed
text's grade and the longest sentence. tests/test_readability.py holds them to their targets.

In Spanish (data/es/), the same own words of a Spanish catalog are measured with the
Fernández-Huerta ease (textstat's Spanish syllables; 70 or more reads as plainly as the English
target): the explorer's words together, not each one.

Section titles are left out: most are the documents' own headings. textstat is a test extra
(pyproject.toml), so this runs in the test environment (`make test` creates it).
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import textstat

from explorer.content.catalog import Catalog, load_catalog
from explorer.content.comparison import SILENT, load_comparison
from explorer.content.resources import content_root
from explorer.content.toml import read_toml
from explorer.content.translation import translated
from explorer.content.wording import personalize
from explorer.i18n import ENGLISH

ROOT = Path(__file__).resolve().parent.parent
# A sentence ends at ".", "?" or "!" followed by a space or the end; a line break ends one too.
SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n+")


@dataclass(frozen=True)
class Words:
    """One piece of the explorer's own words: what kind, where it lives, and the text."""

    kind: str
    where: str
    text: str


def _worded(text: str, language: str = ENGLISH) -> str:
    return personalize(text, "self", language)  # "you": the wording a person reads about themselves


def own_words(catalog: Catalog, root: Path | None = None) -> list[Words]:
    """Every piece of the explorer's own words in the content under `root` (quotes left out), in
    the catalog's language."""
    root = root or content_root()
    words: list[Words] = []
    language = catalog.language

    def add(kind: str, where: str, *texts: str) -> None:
        words.extend(Words(kind, where, _worded(t, language)) for t in texts if t and t.strip())

    def add_for_someone(kind: str, where: str, *texts: str) -> None:
        """The same words as a family member reads them ("the person you care about"), where they differ."""
        worded = [personalize(t, "someone_else") for t in texts if t and t.strip() and "{" in t]
        words.extend(Words(kind, f"{where} (for someone else)", t) for t in worded)

    for note in catalog.notes.values():
        add("note", f"note {note.id}", note.text)
    rules = catalog.rules
    for rule in rules.suggest:
        add("reason", f"suggest {rule.id}", rule.reason)
        add_for_someone("reason", f"suggest {rule.id}", rule.reason)
    for caution in rules.caution:
        add("rule", f"caution {caution.id}", caution.lead)
    for rule in (*rules.withhold, *rules.attach, *rules.not_yet):
        add("rule", f"rule {rule.id}", rule.why)
    for tier in rules.order.tiers:
        add("rule", f"tier {tier.id}", tier.says, tier.heading)
    for matter_rule in (*rules.matter_rows, *rules.matter_asks):
        add("matters", f"matters rule {matter_rule.id}", matter_rule.question, matter_rule.why)
    for question in catalog.questions:
        labels = [c.label for c in question.choices]
        add("question", f"question {question.key}", question.name, question.prompt, question.help, *labels)
        add_for_someone("question", f"question {question.key}", question.prompt, question.help)
    matters = catalog.matters
    if matters is not None:
        add("matters", "matters", matters.heading, matters.intro, matters.not_weighed)
        add("matters", "matters", matters.step_help, matters.step_prompt)
        add("matters", "matters labels", *(c.label for c in matters.choices), *(o.label for o in matters.options))
        for priority in matters.priorities:
            add("matters", f"priority {priority.key}", priority.name, priority.prompt)
    comparison = load_comparison(catalog, root)
    add("comparison", "comparison", comparison.intro, SILENT if language == ENGLISH else "")
    add("comparison", "comparison labels", *(c.label for c in comparison.columns), *(r.label for r in comparison.rows))
    summary = read_toml(root / "rules" / "summary.toml")
    for ask in summary.get("ask", []):
        add(
            "summary",
            f"summary ask {ask['id']}",
            translated(f"summary.ask.{ask['id']}.question", ask["question"], language, root),
        )
    for mark in summary.get("mark", []):
        add(
            "summary",
            f"summary mark {mark['id']}",
            translated(f"summary.mark.{mark['id']}.matches", mark["matches"], language, root),
        )
    for document in catalog.documents.values():
        add("document", f"document {document.file}", document.kind, document.described_as or "")
    for term in catalog.glossary.values():
        add("glossary", f"glossary {term.id}", term.means)
    return words


# Where the words the program writes on screen, in --help and in the saved summary live. The rest
# of explorer/ speaks to programmers (the JSON Schemas' descriptions in explorer/published/) or to
# whoever edits the content (the checks of explorer/content/): measured apart, for reference.
SHOWN = (
    "explorer/cli/",
    "explorer/session/",
    "explorer/ask/",
    "explorer/render/",
    "explorer/summary/",
    "explorer/referral.py",
    "explorer/errors.py",
    "explorer/content/arriving.py",
    "explorer/content/matters.py",
    "explorer/infer/matters.py",
)
TEMPLATES = ("explorer/summary/templates/summary.html.j2",)
DISCLAIMER = "DISCLAIMER.md"  # the full disclaimer, which `treatment-explorer disclaimer` prints
COMMAND_TABLE = "explorer/cli/command_table.py"
# A value filled in at run time ({name}, %s, an f-string's expression) reads as one short word.
FILLED = "X"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[sdr]")
LOOKS_LIKE_CODE = re.compile(r"[<>\\=_{}]|^\S+$")


def _prose(text: str) -> str | None:
    """The text with its placeholders filled, if it reads as words (three words or more, not a
    pattern, markup or an identifier); else None."""
    text = PLACEHOLDER.sub(FILLED, text).strip()
    if len(re.findall(r"[A-Za-z]{2,}", text)) < 3 or LOOKS_LIKE_CODE.search(text):
        return None
    return text


def _module_words(module: Path, where: str) -> list[Words]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    skipped = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node)
    }
    texts = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):  # an f-string reads as one text, its values filled
            skipped.update(id(part) for part in node.values)
            texts.append(
                "".join(p.value if isinstance(p, ast.Constant) else FILLED for p in node.values)  # type: ignore[misc]
            )
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            texts.append(node.value)
    return [Words("code", where, prose) for prose in map(_prose, texts) if prose]


def _command_words() -> list[Words]:
    """--help describes each command in phrases it joins on one line: measured joined, as read."""
    from explorer.cli.command_table import listed

    return [Words("code", f"{COMMAND_TABLE} {c.usage}", " ".join(c.describes)) for c in listed() if c.describes]


def _template_words(template: Path, where: str) -> list[Words]:
    """The fixed words of an HTML template: its text between tags, values filled, styles and
    comments left out."""
    text = re.sub(r"<style>.*?</style>|\{#.*?#\}|\{%.*?%\}", "\n", template.read_text(encoding="utf-8"), flags=re.S)
    # The template's own words go through gettext ({{ _("...") }}): measured as the English they say.
    said = r'\{\{[^}]*?(?:_|ngettext)\("((?:[^"\\]|\\.)*)"[^}]*\}\}'
    text = re.sub(said, lambda match: re.sub(r"\{\w*\}", FILLED, match.group(1)), text)
    text = re.sub(r"\{\{.*?\}\}", FILLED, text)
    text = re.sub(r"<[^>]*>", "\n", text)
    lines = (line.strip() for line in text.splitlines())
    return [Words("code", where, line) for line in lines if len(re.findall(r"[A-Za-z]{2,}", line)) >= 2]


def _markdown_words(document: Path, where: str) -> list[Words]:
    """The paragraphs, headings and list items of a Markdown document, its marks left out."""
    blocks: list[list[str]] = [[]]
    for line in document.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "- ")):
            blocks.append([])  # a blank line ends a block; a heading or a list item starts one
        blocks[-1].append(re.sub(r"\*\*|^#+ |^- ", "", line))
        if line.startswith("#"):
            blocks.append([])  # a heading is a block of its own
    texts = (" ".join(" ".join(block).split()) for block in blocks)
    return [Words("code", where, text) for text in texts if text]


def code_words(package: Path = ROOT / "explorer", shown: bool = True) -> list[Words]:
    """The fixed words inside the program (docstrings left out): with `shown`, those it writes on
    screen, in --help and in the saved summary; without, the rest of its string constants."""
    words = []
    for module in sorted(package.rglob("*.py")):
        where = module.relative_to(package.parent).as_posix()
        if where.startswith(SHOWN) != shown or (shown and where == COMMAND_TABLE):
            continue
        words += _module_words(module, where)
    if shown:
        words += _command_words()
        words += [w for t in TEMPLATES for w in _template_words(package.parent / t, t)]
        words += _markdown_words(package.parent / DISCLAIMER, DISCLAIMER)
    return words


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.strip()) if s.strip()]


def word_count(text: str) -> int:
    return int(textstat.lexicon_count(text))


def grade(texts: list[str]) -> float:
    """Flesch-Kincaid grade of several texts read together: words, sentences and syllables are
    summed over the texts (each text at least one sentence, so a label never runs into the next)."""
    total_words = sum(word_count(t) for t in texts)
    if not total_words:
        return 0.0
    total_sentences = sum(int(textstat.sentence_count(t)) for t in texts)
    syllables = sum(int(textstat.syllable_count(t)) for t in texts)
    return round(0.39 * total_words / total_sentences + 11.8 * syllables / total_words - 15.59, 1)


EASE_TARGET_ES = 70.0  # Fernández-Huerta, all Spanish own words together: 70 or more


def ease_es(texts: list[str]) -> float:
    """Fernández-Huerta ease of several Spanish texts read together (206.84 - 60 syllables per
    word - 1.02 words per sentence), summed as grade() sums: higher reads more easily."""
    textstat.set_lang("es")
    try:
        total_words = sum(word_count(t) for t in texts)
        if not total_words:
            return 0.0
        total_sentences = sum(int(textstat.sentence_count(t)) for t in texts)
        syllables = sum(int(textstat.syllable_count(t)) for t in texts)
    finally:
        textstat.set_lang("en_US")  # textstat's language is global: leave it as the English figures need it
    return round(206.84 - 60 * syllables / total_words - 1.02 * total_words / total_sentences, 1)


@dataclass(frozen=True)
class Figures:
    grade_all: float  # every piece of own words together
    grade_by_kind: dict[str, float]
    worst_note: tuple[str, float]  # (where, grade)
    notes_above: list[tuple[str, float]]  # notes above the per-note ceiling
    longest: tuple[str, int, str]  # (where, words, the sentence)
    sentences_over: list[tuple[str, int, str]]  # sentences over the length ceiling
    worst_text: tuple[str, float, str]  # the hardest fixed text of the program: (where, grade, text)
    texts_above: list[tuple[str, float, str]]  # its fixed texts of some length above the ceiling


NOTE_CEILING = 8.0  # no note above this grade
SENTENCE_CEILING = 25  # no sentence longer than this, in words
GRADE_TARGET = 6.0  # all own words together
TEXT_CEILING = 8.0  # no fixed text of the program's of LONG_TEXT words or more above this grade
LONG_TEXT = 12  # shorter texts (labels, headings) have too few words for a grade to mean much


def measure(words: list[Words]) -> Figures:
    kinds = sorted({w.kind for w in words})
    notes = [(w.where, grade([w.text])) for w in words if w.kind == "note"]
    every = [(w.where, word_count(s), s) for w in words for s in sentences(w.text)]
    longest = max(every, key=lambda item: item[1], default=("", 0, ""))
    texts = [(w.where, grade([w.text]), w.text) for w in words if w.kind == "code" and word_count(w.text) >= LONG_TEXT]
    return Figures(
        grade_all=grade([w.text for w in words]),
        grade_by_kind={k: grade([w.text for w in words if w.kind == k]) for k in kinds},
        worst_note=max(notes, key=lambda item: item[1], default=("", 0.0)),
        notes_above=sorted((n for n in notes if n[1] > NOTE_CEILING), key=lambda item: -item[1]),
        longest=longest,
        sentences_over=sorted((s for s in every if s[1] > SENTENCE_CEILING), key=lambda item: -item[1]),
        worst_text=max(texts, key=lambda item: item[1], default=("", 0.0, "")),
        texts_above=sorted((t for t in texts if t[1] > TEXT_CEILING), key=lambda item: -item[1]),
    )


def targets_missed(figures: Figures) -> list[str]:
    """Each target the figures miss, in words; empty when the words read as plainly as promised."""
    missed = []
    if figures.grade_all > GRADE_TARGET:
        missed.append(f"all own words together read at grade {figures.grade_all} (target {GRADE_TARGET:g} or lower)")
    missed += [
        f"{where} reads at grade {grade} (no note above {NOTE_CEILING:g})" for where, grade in figures.notes_above
    ]
    missed += [
        f"{where} writes a text at grade {grade} (no text of {LONG_TEXT} words or more above {TEXT_CEILING:g}): {text}"
        for where, grade, text in figures.texts_above
    ]
    missed += [
        f"{where}: a sentence of {words} words (at most {SENTENCE_CEILING}): {sentence}"
        for where, words, sentence in figures.sentences_over
    ]
    return missed


def report(title: str, figures: Figures) -> list[str]:
    where, words, sentence = figures.longest
    lines = [
        f"{title}",
        f"  grade of all of them together: {figures.grade_all}",
        "  by kind: " + ", ".join(f"{k} {g}" for k, g in figures.grade_by_kind.items()),
        f"  longest sentence: {words} words ({where}): {sentence}",
        f"  sentences over {SENTENCE_CEILING} words: {len(figures.sentences_over)}",
    ]
    if figures.worst_note[0]:
        lines.append(f"  worst note: {figures.worst_note[0]}, grade {figures.worst_note[1]}")
        lines.append(f"  notes above grade {NOTE_CEILING:g}: {len(figures.notes_above)}")
        lines += [f"    {w}: {g}" for w, g in figures.notes_above]
    if figures.worst_text[0]:
        where, grade, text = figures.worst_text
        lines.append(f"  hardest text of {LONG_TEXT} words or more: {where}, grade {grade}: {text}")
        lines.append(f"  texts of {LONG_TEXT} words or more above grade {TEXT_CEILING:g}: {len(figures.texts_above)}")
        lines += [f"    {w}: {g}: {t}" for w, g, t in figures.texts_above]
    return lines


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else None
    catalog = load_catalog(root)
    content, code = own_words(catalog, root), code_words()
    lines = report("All the explorer's own words: data/, rules/ and the program's fixed texts", measure(content + code))
    lines += report("The explorer's own words in data/ and rules/", measure(content))
    lines += report("The program's fixed texts (screen, --help, errors, the saved summary)", measure(code))
    other = measure(code_words(shown=False))
    lines.append(f"For reference, the program's other strings (JSON Schemas, content checks): grade {other.grade_all}")
    titles = [Words("title", f"section {s.id}", s.title) for s in catalog.sections.values()]
    lines.append(f"For reference, section titles (mostly the documents' headings): grade {measure(titles).grade_all}")
    spanish = own_words(load_catalog(root, "es"), root)
    lines.append(
        f"The same own words in Spanish (data/es/): Fernández-Huerta ease {ease_es([w.text for w in spanish])} "
        f"(target {EASE_TARGET_ES:g} or more)"
    )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
