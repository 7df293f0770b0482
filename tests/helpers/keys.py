"""Every key a test types, named once: what a terminal sends for it.

The sequences are prompt_toolkit's own (its key table, the one the arrow-key menus read keys
with), as copier's tests take theirs, so a key sent here is the key the menus see. Two are what a
terminal sends in its ordinary mode instead: Backspace is DEL, the erase character that the line
editing of the numbered menus obeys too, and Space is a space.
"""

from __future__ import annotations

from prompt_toolkit.input.ansi_escape_sequences import ANSI_SEQUENCES, REVERSE_ANSI_SEQUENCES
from prompt_toolkit.keys import Keys

_PROMPT_TOOLKIT_KEYS = {
    "Enter": Keys.Enter,
    "Esc": Keys.Escape,
    "Tab": Keys.Tab,
    "Up": Keys.Up,
    "Down": Keys.Down,
    "Right": Keys.Right,
    "Left": Keys.Left,
    "Home": Keys.Home,
    "End": Keys.End,
    "PageUp": Keys.PageUp,
    "PageDown": Keys.PageDown,
    "F1": Keys.F1,
    "F5": Keys.F5,
    "F12": Keys.F12,
    "Ctrl-C": Keys.ControlC,
    "Ctrl-D": Keys.ControlD,
    "Ctrl-U": Keys.ControlU,
    "Ctrl-Z": Keys.ControlZ,  # SIGTSTP where the terminal is in its ordinary mode
    "Ctrl-\\": Keys.ControlBackslash,  # SIGQUIT where the terminal is in its ordinary mode
}
KEYS: dict[str, str] = {name: REVERSE_ANSI_SEQUENCES[key] for name, key in _PROMPT_TOOLKIT_KEYS.items()}
KEYS["Backspace"] = "\x7f"
KEYS["Space"] = " "
assert ANSI_SEQUENCES[KEYS["Backspace"]] == Keys.Backspace, "prompt_toolkit does not read DEL as Backspace"

ENTER, ESC, TAB, SPACE, BACKSPACE = KEYS["Enter"], KEYS["Esc"], KEYS["Tab"], KEYS["Space"], KEYS["Backspace"]
UP, DOWN = KEYS["Up"], KEYS["Down"]
CTRL_C, CTRL_D, CTRL_U, CTRL_BACKSLASH = KEYS["Ctrl-C"], KEYS["Ctrl-D"], KEYS["Ctrl-U"], KEYS["Ctrl-\\"]
CTRL_Z = KEYS["Ctrl-Z"]

# What a terminal sends for pasted text in its bracketed-paste mode (which the arrow menus turn on).
BRACKETED_PASTE = "\x1b[200~{}\x1b[201~"
