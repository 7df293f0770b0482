"""Every key a test types, named once (what a terminal sends for it)."""

from __future__ import annotations

DOWN, UP, ENTER, CTRL_C, CTRL_D = "\x1b[B", "\x1b[A", "\r", "\x03", "\x04"
ESC, TAB, BACKSPACE, SPACE, CTRL_U = "\x1b", "\t", "\x7f", " ", "\x15"
CTRL_BACKSLASH = "\x1c"  # SIGQUIT where the terminal is in its ordinary mode
