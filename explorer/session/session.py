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
from explorer.i18n import N_, _
from explorer.render.text import first_screen

if TYPE_CHECKING:
    from explorer.ask.menus import Menus
    from explorer.cli.environment import Environment
    from explorer.content.arriving import SessionContent
    from explorer.content.catalog import Catalog
    from explorer.content.comparison_table import Cell
    from explorer.render.notes import OnScreen
    from explorer.session.reader import Comparison

ARROW_MENU_MARKS = "»○●"  # questionary's pointer and checkbox marks

NO_TERMINAL = N_(
    "no terminal to ask the questions on. To script it instead: "
    "treatment-explorer --answers FILE (or - for standard input), e.g. "
    'echo \'{"setting": "doctor_office"}\' | treatment-explorer --answers - --format text'
)


def _numbered(env: Environment) -> bool:
    """Numbered menus with --plain, and also where arrow-key menus would not work or would show
    "?" for their marks."""
    return env.plain or env.terminal_kind == "dumb" or not env.can_show(ARROW_MENU_MARKS)


def _menus(env: Environment) -> Menus:
    if _numbered(env):
        from explorer.ask.numbered_menus import NumberedMenus

        return NumberedMenus(env.width, say=env.show, read_line=env.read_line)
    # Imported here: only the arrow-key menus pay for questionary and prompt_toolkit.
    from explorer.ask.arrow_menus import ArrowMenus

    return ArrowMenus(env.width)


def open_terminal(env: Environment) -> Terminal:
    """The real terminal, laid out for the window as it is at each screen; refuses to start a
    session where there is none to ask on. Where the menus take single keys, the pager does too."""
    if not has_terminal(env):
        raise InputError(_(NO_TERMINAL))
    numbered = _numbered(env)
    read_key = None
    if not numbered and env.stdin is not None and env.stdout is not None:
        from explorer.ask.single_key import SingleKeys

        read_key = SingleKeys(env.stdin, env.stdout, env.size)
    return Terminal(
        menus=_menus(env),
        show=env.show,
        size=lambda: (env.width(), env.size()[1]),
        read_key=read_key,
        plain=numbered,
        read_line=env.read_line,
    )


def has_terminal(env: Environment) -> bool:
    return env.stdin_isatty and env.stdout_isatty


def _once_drawn(menus: Menus, start: Callable[[], None]) -> None:
    """Runs `start` once the next menu is on screen (arrow menus say when), else at once."""
    when_drawn = getattr(menus, "when_drawn", None)
    if when_drawn is None:
        start()
    else:
        when_drawn(start)


def run(content: SessionContent, terminal: Terminal, env: Environment) -> None:
    # Only what the first question needs is imported before it: pydantic, the models and the
    # rest of the session arrive while the person reads it (explorer/content/arriving.py).
    from explorer.ask import questionnaire

    terminal.show(first_screen(terminal.width))
    _once_drawn(terminal.menus, content.start_loading)
    answers = questionnaire.ask(content.questions, terminal)
    catalog = content.catalog()
    from explorer.infer.run import result_for
    from explorer.session import reader
    from explorer.summary import offer

    answers = questionnaire.ask_the_step(catalog.matters, answers, terminal)
    answers = questionnaire.review(catalog.questions, answers, terminal, matters=catalog.matters)
    read: set[str] = set()  # the read marks outlive a change of answers
    memory = reader.Memory(tuple(catalog.glossary.values()))  # and what was said once
    result = None  # the figures the comparison page shows are those the rules offer for the answers
    comparison = _comparison(catalog, terminal, env, lambda: result.figures if result is not None else ())
    while True:
        result = result_for(catalog, answers, env.today())
        reader.read_list_notes(result, terminal, memory)
        picked = reader.read(result, terminal, read, comparison=comparison, memory=memory)
        if picked != reader.CHANGE:
            break
        answers = questionnaire.review(catalog.questions, answers, terminal, change_first=True, matters=catalog.matters)
        read.discard(reader.MATTERS)  # what matters may now say something else: unread again
    terminal.show("")
    offer.offer(catalog, result, terminal, env)


def _comparison(
    catalog: Catalog, terminal: Terminal, env: Environment, offered: Callable[[], tuple[str, ...]]
) -> Callable[[], Comparison]:
    """`treatment-explorer compare`'s page as the session shows it (loaded when first opened): the
    linear form with numbered menus (as `compare --plain`) or where box lines cannot be shown; its
    cells name the sections they quote by title, and it names no command to run. It ends with the
    reading list's entry "What studies found, in numbers": the figures the rules offer (`offered`),
    with icon arrays, or in sentences only with --plain. (An entry of its own in the menu would
    push the menu past a 24-row screen.)"""
    loaded: list[Comparison] = []

    def comparison() -> Comparison:
        if not loaded:
            from explorer.content.comparison import load_comparison
            from explorer.render.comparison import BOX_CHARACTERS, all_notes, page
            from explorer.session.reader import Comparison

            table = load_comparison(catalog, today=env.today())
            linear = terminal.plain or not env.can_show(BOX_CHARACTERS)

            def titled(cell: Cell) -> str | None:
                if cell.silent or cell.section is None:
                    return None
                return _("(from “{title}”)").format(title=catalog.sections[cell.section].title)

            from explorer.content.figures import load_figures
            from explorer.render.figures import ASCII_GLYPHS, GLYPHS

            figures = load_figures(catalog)
            glyphs = None if terminal.plain else GLYPHS if env.can_show("".join(GLYPHS)) else ASCII_GLYPHS

            def lay_out(width: int, shown: OnScreen) -> str:
                chosen = figures.chosen(offered()) if offered() else None
                return page(
                    table,
                    width,
                    linear,
                    source_of=titled,
                    shown=shown,
                    hint=False,
                    figures=chosen,
                    glyphs=glyphs,
                    today=env.today(),
                )

            loaded.append(Comparison(lay_out, all_notes(table)))
        return loaded[0]

    return comparison
