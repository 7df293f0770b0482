"""The entry point: main(), the one safety net. The referral is shown on every way out (normal end,
quit, Ctrl-C, a kill, end of input, bad input, a closed or full output, crash, even a crash of
the ending itself for lack of memory), and every exit is an ExitStatus (explorer/errors.py). main
makes the Environment (the process's streams, terminal and clock, explorer/cli/environment.py)
and hands it to whatever runs; how the program ends (signals, which stream still works, what was
saved) is explorer/cli/ending.py, the signals that stop it explorer/cli/signals.py, used by main
only.

Nothing but the Environment, the ending and the signals is imported up front: main installs the
signal handlers first, then imports the rest, so a Ctrl-C at any moment of the start still ends
calmly. Each command imports what it needs when it runs, so --help never loads pydantic or durable, and only
the interactive path loads questionary.
"""

from __future__ import annotations

import sys

from explorer.cli import ending, signals
from explorer.cli.environment import Environment
from explorer.i18n import _

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
    import argparse

    from explorer.errors import ExitStatus
    from explorer.render.finish import Output


def _refuse_what_does_not_apply(args: argparse.Namespace, allowed: frozenset[str]) -> None:
    from explorer.cli.command_table import COMMANDS, OPTION_NAMES
    from explorer.errors import InputError

    given = set(getattr(args, "_given", ())) | ({"section_id"} if args.section_id else set())
    for name in sorted(given - allowed, key=lambda name: name != "save"):  # --save's own message first
        if name == "section_id":
            raise InputError(_("unexpected argument {argument!r}").format(argument=args.section_id))
        if name == "save":
            raise InputError(_("--save goes with --answers FILE (an interactive session offers to save at the end)"))
        if args.command is None:
            takers = [command for command, row in COMMANDS.items() if name in row.options]
            option = _(OPTION_NAMES[name])
            if len(takers) > 1:
                raise InputError(
                    _("{option} goes with --answers FILE or with {commands} and {last}").format(
                        option=option, commands=", ".join(takers[:-1]), last=takers[-1]
                    )
                )
            raise InputError(_("{option} goes with --answers FILE").format(option=option))
        raise InputError(
            _("{command} does not take {option}").format(command=args.command, option=_(OPTION_NAMES[name]))
        )


class _Outcome:
    """What main has shown so far; decides where the closing referral still has to go."""

    def __init__(self) -> None:
        self.referral_shown = False
        self.interactive = False


def _session(args: argparse.Namespace, env: Environment, outcome: _Outcome) -> None:
    """The interactive session, on the terminal it needs."""
    from explorer.cli.command_table import INTERACTIVE
    from explorer.errors import InputError

    _refuse_what_does_not_apply(args, INTERACTIVE.options)
    if env.stdin is None or env.stdout is None:
        if env.stdin is None:
            raise InputError(_("standard input is closed, so the explorer cannot ask its questions"))
        raise InputError(_("standard output is closed, so the explorer cannot ask its questions"))
    from explorer.content.arriving import session_content
    from explorer.session import session

    if not session.has_terminal(env):  # damaged content is named first, as a scripted run names it
        from explorer.content.catalog import load_catalog

        load_catalog(language=env.language)
    content = session_content(language=env.language)  # the first question now, the rest while it is read
    terminal = session.open_terminal(env)
    outcome.interactive = True
    session.run(content, terminal, env)


def run(args: argparse.Namespace, env: Environment, outcome: _Outcome) -> ExitStatus:
    """The program without its error handling: main() is the safety net around it."""
    from explorer.errors import ExitStatus

    if args.command is None and not args.answers:
        _session(args, env, outcome)
        return ExitStatus.SUCCESS
    from explorer.cli.command_table import COMMANDS, SCRIPTED
    from explorer.cli.commands import save_format
    from explorer.content.catalog import load_catalog
    from explorer.render.finish import finish

    command = SCRIPTED if args.command is None else COMMANDS[args.command]
    _refuse_what_does_not_apply(args, command.options)
    save_format(args)  # a wrong --save is refused before anything runs
    output = command.run()(load_catalog(language=env.language), args, env)
    if _through_the_pager(output, env):
        output = output._replace(body="\n")  # shown: the referral is what is left to print
    ending.write_output(env, finish(output, env.width(), not env.encodes_everything(), env.plain))
    outcome.referral_shown = True
    return ExitStatus.SUCCESS


def _through_the_pager(output: Output, env: Environment) -> bool:
    """A command's text goes through the pager on a terminal (explorer/cli/pager.py); the referral
    is printed after the pager has ended, so that it comes last on the screen. True if it did."""
    from explorer.formats import Format

    if env.plain or not env.stdout_isatty or output.format != Format.TEXT or not isinstance(output.body, str):
        return False  # decided before the pager's module (and subprocess) is imported
    from explorer.cli.pager import page, pager_command

    command = pager_command(env)
    if command is None:
        return False
    page(env, command, output.body)
    return True


def _run(argv: list[str] | None, env: Environment, outcome: _Outcome) -> int:
    """Parses and runs; everything the run printed is flushed here, inside main's net."""
    from explorer.cli.encoding import tolerate_narrow_encodings
    from explorer.cli.parser import build_parser

    tolerate_narrow_encodings(env.stdout, env.stderr)
    parser = build_parser(env)
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help and --version
        outcome.referral_shown = True
        ending.flush_output(env)
        return stop.code if isinstance(stop.code, int) else 0
    env.plain = args.plain
    return run(args, env, outcome)


def _speak(env: Environment, argv: list[str]) -> None:
    """The run's language: --lang where given, else the Environment's (the locale's). A catalog
    that cannot be read leaves the run in English rather than stopping it."""
    from explorer import i18n
    from explorer.i18n.choice import language_asked

    env.language = language_asked(argv) or env.language
    try:
        i18n.use(env.language)
    except Exception:  # any failure to read the Spanish words: English, never no words
        i18n.use(i18n.ENGLISH)
    env.language = i18n.language()


def main(argv: list[str] | None = None, env: Environment | None = None) -> int:
    """The one safety net: however the run ends, one message at most, then the referral last.
    Without `argv` it is the program itself (the process's arguments and streams) and ends the
    process; a caller that passes `argv` (and perhaps its own Environment) gets the status back,
    with the signal handlers as it had them."""
    env = env or Environment.of_process()
    ending.remember_terminal(env)
    signals.catch_signals(env)  # first of all: a Ctrl-C while the rest is imported is an interruption too
    _speak(env, sys.argv[1:] if argv is None else argv)  # before any word is said, the last ones included
    last_words = ending.LastWords(env)  # ready before anything can fail, even for lack of memory
    outcome = _Outcome()
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    problem: BaseException | None = None
    status = 1
    try:
        status = _run(argv, env, outcome)
    except BaseException as error:  # noqa: B036 - every way out, SystemExit and signals included
        env.ending = True  # first: from here on a stopping signal changes nothing
        problem = error
    env.ending = True
    if env.stopping is not None and not isinstance(problem, (KeyboardInterrupt, EOFError)):
        # A stop whose KeyboardInterrupt was dropped on its way (the run went on), or that broke
        # something as it came: the person asked to stop, and that is how the run ends.
        problem = KeyboardInterrupt()
    try:
        status = _end(problem, status, env, outcome, debug)
    except BaseException as failure:  # noqa: B036 - even the ending failed (no memory left): the prepared words
        status = last_words.say(problem, failure)
    finally:
        if argv is None:  # the program itself: nothing may follow the referral
            ending.leave_now(env, int(status))
        signals.restore_signals(env)
    return int(status)


def _end(problem: BaseException | None, status: int, env: Environment, outcome: _Outcome, debug: bool) -> int:
    signals.ignore_signals()
    ending.restore_terminal(env)
    from explorer.errors import ExitStatus, ExplorerError

    if isinstance(problem, (KeyboardInterrupt, EOFError)):
        ending.say(env, "\n" + ending.stop_message(env) + "\n", prefer_stdout=outcome.interactive)
        status = ExitStatus.INTERRUPTED
    elif isinstance(problem, BrokenPipeError):  # the reader left (`| head`): nothing more to say there
        ending.silence(env.stdout)
        outcome.interactive, outcome.referral_shown = False, False
        status = ExitStatus.SUCCESS
    elif isinstance(problem, ending.OutputError):
        outcome.interactive, outcome.referral_shown = False, False
        ending.say(env, f"treatment-explorer: {problem}\n")
        status = ExitStatus.USAGE
    elif isinstance(problem, ExplorerError):
        status = problem.status
        if problem.status == ExitStatus.USAGE or problem.lead:
            ending.say(env, f"treatment-explorer: {problem.describe()}\n")
        else:
            _apologize(problem, env, debug)
    elif isinstance(problem, SystemExit):
        status = problem.code if isinstance(problem.code, int) else ExitStatus.SUCCESS
    elif problem is not None:
        _apologize(problem, env, debug)
        status = ExitStatus.ERROR
    if not outcome.referral_shown:
        _closing_referral(env, outcome)
    return int(status)


def _apologize(problem: BaseException, env: Environment, debug: bool) -> None:
    if debug:
        import traceback  # only here: the apology must not need memory that may have run out

        details = "".join(traceback.format_exception(type(problem), problem, problem.__traceback__))
        ending.say(env, f"treatment-explorer: {_(ending.APOLOGY)}\n{details}")
    else:
        more = _("(run again with --debug to see the details)")
        ending.say(env, f"treatment-explorer: {_(ending.APOLOGY)}\n{more}\n")


def _closing_referral(env: Environment, outcome: _Outcome) -> None:
    """On stdout after a session (where the person is looking), else on stderr; on the other
    stream where that one fails; the plain text if even the formatted block fails."""
    from explorer.referral import referral_text

    try:
        from explorer.render.finish import referral

        stream = env.stdout if outcome.interactive else env.stderr
        text = "\n" + referral(env.width_on(stream if env.stream_works(stream) else None), env.plain)
    except Exception:
        text = "\n" + referral_text() + "\n"
    ending.say(env, text, prefer_stdout=outcome.interactive)
