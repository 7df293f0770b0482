"""Counts the lines a typical whole session puts on a terminal, to measure how much a person has to
read or hear (not a test: the figures go in reports and docs/tests.md).

The session: someone asking for a person they care about, a residential program, a monthly
injection, detox completed, counseling and support groups wanted, the topic "Overdose"; the
optional step skipped; then Enter at every screen, which reads every section in order, then
Finish, and Enter at the offer to save (no). It waits for the screen to go quiet before each key,
so it follows any version of the explorer's prompts.

With --back, each section is left with b at its end, back to the list, and the next one opened
from there (Enter), as a person who looks at the list between sections does.

Usage: python scripts/count-session-lines.py [CHECKOUT] [--plain] [--back] [--size 80x24] [--keep FILE]
CHECKOUT (default: this one) is a checkout with its own .venv; --keep writes what a person saw.
Prints: lines on the screen or scrolled past (as a terminal emulator draws them), and the
number of "─" and "·" among them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pexpect
import pyte

ANSWERS = ["2", "3", "2", "3", "1", "1"]  # someone I care about, residential, monthly, completed, yes, yes
TOPICS = ["4"]  # Overdose
QUIET = 1.0  # seconds without output: the program waits for a key


def quiet(child: pexpect.spawn, log: list[str]) -> bool:
    """Reads until nothing comes for QUIET seconds; False once the program has ended."""
    while True:
        try:
            log.append(child.read_nonblocking(65536, timeout=QUIET))
        except pexpect.TIMEOUT:
            return True
        except pexpect.EOF:
            return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkout", nargs="?", default=str(Path(__file__).resolve().parents[1]))
    parser.add_argument("--plain", action="store_true")
    parser.add_argument("--back", action="store_true")
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--keep")
    args = parser.parse_args()
    checkout = Path(args.checkout).resolve()
    cols, rows = (int(n) for n in args.size.split("x"))
    env = {**os.environ, "TERM": "xterm-256color", "PYTHONIOENCODING": "utf-8", "PROMPT_TOOLKIT_NO_CPR": "1"}
    for name in ("NO_COLOR", "COLUMNS", "LINES", "PAGER"):
        env.pop(name, None)
    command = [str(checkout / ".venv/bin/python"), "-m", "explorer", *(["--plain"] if args.plain else [])]
    child = pexpect.spawn(
        command[0], command[1:], cwd=str(checkout), env=env, dimensions=(rows, cols), encoding="utf-8", timeout=60
    )
    log: list[str] = []
    for answer in ANSWERS:
        quiet(child, log)
        child.send(answer + "\r")
    quiet(child, log)
    if args.plain:
        child.send(" ".join(TOPICS) + "\r")
    else:
        for topic in TOPICS:
            child.send(topic)
            child.send(" ")
        child.send("\r")
    keys, read_up_to = 0, len(log)
    while quiet(child, log):
        latest = "".join(log[read_up_to:]).lower()
        read_up_to = len(log)
        at_a_section_end = "end of section" in latest[-300:]
        child.send("b" if args.back and at_a_section_end else "\r")  # with --plain, Enter follows
        keys += 1
        if keys > 500:
            sys.exit("more than 500 screens: the session does not end with Enter alone")
    shown = "".join(log)
    screen = pyte.HistoryScreen(cols, rows, history=100_000)
    pyte.Stream(screen).feed(shown)
    lines = ["".join(line[x].data for x in range(cols)).rstrip() for line in screen.history.top]
    lines += [line.rstrip() for line in screen.display]
    while lines and not lines[-1]:
        lines.pop()
    if args.keep:
        Path(args.keep).write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = "\n".join(lines)
    kind = ("--plain" if args.plain else "arrow menus") + (" --back" if args.back else "")
    print(
        f"{checkout.name} {kind} {cols}x{rows}: {len(lines)} lines, {keys + len(ANSWERS) + 1} keys, "
        f'{text.count("─")} "─", {text.count("·")} "·", {sum("─" in line for line in lines)} lines with "─"'
    )


if __name__ == "__main__":
    main()
