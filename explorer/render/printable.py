"""Control characters made visible, wherever text leaves the program: on a terminal and in a file.

A control character (ESC, BEL, NUL, DEL, the C1 range) in text that reaches a terminal is an
instruction to it, not a letter: "ESC ] 0 ;" sets the window's title, "ESC ] 52 ;" writes the
clipboard, "ESC [ 2 J" clears the screen, a colour turns the referral and the shell red. Content
comes from the package, but also from TREATMENT_EXPLORER_CONTENT and from translators, and file
names from the person: the content models refuse such characters at load
(explorer/content/base.py), and every output path shows any that got through as the six letters
of its JSON escape (ESC is `\\u001b`), which keeps JSON output the same JSON.

Pure and light: imports nothing, so the Environment's output path can use it from the start.
"""

from __future__ import annotations

import re  # loaded by the interpreter before main starts

# The C0 controls, DEL and the C1 controls (U+0080 to U+009F: a terminal may read U+009B as ESC [).
CONTROL_CODES = (*range(0x20), 0x7F, *range(0x80, 0xA0))
LAYOUT = "\n\t"  # the two that text is laid out with: kept in text, refused in a file name
_ANY = re.compile("[\x00-\x1f\x7f-\x9f]")
_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but the tab (09) and the line end (0a)
_VISIBLE = {code: f"\\u{code:04x}" for code in CONTROL_CODES if chr(code) not in LAYOUT}


def printable(text: str) -> str:
    """`text` with every control character but the line end and the tab shown as its escape."""
    return text.translate(_VISIBLE)


def control_characters_in(text: str, in_a_name: bool = False) -> list[str]:
    """The control characters of `text`, each once, in order; the line end and the tab count only
    `in_a_name`."""
    pattern = _ANY if in_a_name else _IN_TEXT
    return list(dict.fromkeys(pattern.findall(text))) if pattern.search(text) else []


def shown(text: str) -> str:
    """`text` for a message that names it: every control character, layout included, as its escape."""
    return printable(text).replace("\n", "\\u000a").replace("\t", "\\u0009")


def without_control_characters(text: str) -> str:
    """`text` with every control character, layout included, left out (pasted into a one-line answer)."""
    return _ANY.sub("", text)
