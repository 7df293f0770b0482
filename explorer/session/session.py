"""The interactive session: disclaimer → questions (the first shown while the content loads) →
the optional step "what matters" → the answers, to go on or change one → the explorer's notes on
the whole list → the reading list, read section by section (answers can be changed from there) →
the offer to save. Everything it shows goes through one Terminal, made from the Environment (the
process's streams, terminal and clock); the referral that closes it is added by the command line's
safety net, however the session ends."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from explorer.ask.terminal import Terminal
from explorer.errors import InputError
from explorer.render.text import disclaimer

if TYPE_CHECKING:
    from explorer.ask.menus import Menus
    from explorer.cli.environment import Environment
    from explorer.content.arriving import SessionContent
    from explorer.content.catalog import Catalog

ARROW_MENU_MARKS = "»○●"  # questionary's pointer and checkbox marks

NO_TERMINAL = (
    "no terminal to ask the questions on. To script it instead: "
    "treatment-explorer --answers FILE (or - for standard input), e.g. "
    'echo \'{"setting": "doctor_office"}\' | treatment-explorer --answers - --format text'
)


def _menus(env: Environment, width: int) -> Menus:
    # Numbered menus also where arrow-key menus would not work or would show "?" for their marks.
    if env.plain or env.terminal_kind == "dumb" or not env.can_show(ARROW_MENU_MARKS):
        from explorer.ask.numbered_menus import NumberedMenus

        return NumberedMenus(width, say=env.show, read_line=env.read_line)
    # Imported here: only the arrow-key menus pay for questionary and prompt_toolkit.
    from explorer.ask.arrow_menus import ArrowMenus

    return ArrowMenus(width)


def open_terminal(env: Environment) -> Terminal:
    """The real terminal; refuses to start a session where there is none to ask on."""
    if not has_terminal(env):
        raise InputError(NO_TERMINAL)
    width, rows = env.width(), env.size()[1]
    return Terminal(menus=_menus(env, width), width=width, rows=rows, show=env.show, read_line=env.read_line)


def has_terminal(env: Environment) -> bool:
    return env.stdin_isatty and env.stdout_isatty


def _once_drawn(menus: Menus, start: Callable[[], None]) -> None:
    """Runs `start` once the next menu is on screen (arrow menus say when), else at once."""
    when_drawn = getattr(menus, "when_drawn", None)
    if when_drawn is None:
        start()
    else:
        when_drawn(start)


NOTES_END = "-- Enter: the reading list --"  # the pager's last line under the notes on the whole list


def run(content: SessionContent, terminal: Terminal, env: Environment) -> None:
    # Only what the first question needs is imported before it: pydantic, the models and the
    # rest of the session arrive while the person reads it (explorer/content/arriving.py).
    from explorer.ask import questionnaire

    terminal.show(disclaimer(terminal.width))
    _once_drawn(terminal.menus, content.start_loading)
    answers = questionnaire.ask(content.questions, terminal)
    catalog = content.catalog()
    from explorer.infer.run import result_for
    from explorer.render.notes import list_notes_text
    from explorer.session import reader
    from explorer.summary import offer

    answers = questionnaire.ask_the_step(catalog.matters, answers, terminal)
    answers = questionnaire.review(catalog.questions, answers, terminal, matters=catalog.matters)
    read: set[str] = set()  # the read marks outlive a change of answers
    while True:
        result = result_for(catalog, answers, env.today())
        if result.notes:  # about the whole list: read before it, rather than scrolled away above it
            reader.page("\n" + "\n".join(list_notes_text(result.notes, terminal.width)), terminal, NOTES_END)
        picked = reader.read(result, terminal, read, comparison=lambda: comparison_page(catalog, terminal, env))
        if picked != reader.CHANGE:
            break
        answers = questionnaire.review(catalog.questions, answers, terminal, change_first=True, matters=catalog.matters)
        read.discard(reader.MATTERS)  # what matters may now say something else: unread again
    terminal.show("")
    offer.offer(catalog, result, terminal, env)


def comparison_page(catalog: Catalog, terminal: Terminal, env: Environment) -> str:
    """`treatment-explorer compare`'s page at the terminal's width; the linear form with numbered
    menus (as `compare --plain`) or where box lines cannot be shown."""
    from explorer.ask.numbered_menus import NumberedMenus
    from explorer.content.comparison import load_comparison
    from explorer.render.comparison import BOX_CHARACTERS, page

    linear = isinstance(terminal.menus, NumberedMenus) or not env.can_show(BOX_CHARACTERS)
    return page(load_comparison(catalog, today=env.today()), terminal.width, linear)
