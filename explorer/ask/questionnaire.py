"""Asks the questions declared in data/questions.toml, one after another, then the optional step
"what matters to me" (data/matters.toml), then lets any answer, or any priority, be changed before
going on.

Everything a question says comes from the data (as copier declares its questions); how it is asked
(arrow-key or numbered menus) comes from the `Menus` passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from explorer.ask.menus import Menus
from explorer.ask.terminal import Terminal
from explorer.content.wording import personalize
from explorer.i18n import N_, _, language
from explorer.render.text import wrap

UNSURE = "unsure"
GO_ON = "__go_on__"
CHANGE = "__change__"
NO_TOPICS = N_("none")
STEP_PLACE = N_("One more step, optional")  # where the step stands, as "Question 3 of 7" does
MATTERS = "matters"  # a priority's entry in the list of answers to change: (MATTERS, its key)
STEP_SKIPPED = N_("skipped")

if TYPE_CHECKING:  # pydantic is imported once the first question is on screen (content/arriving.py)
    from explorer.content.answers import Answers
    from explorer.content.matters import MattersContent, Priority
    from explorer.content.questions import Question


def ask_one(question: Question, for_whom: str, menus: Menus) -> Any:
    text = personalize(question.prompt, for_whom, language())
    offered = [choice for choice in question.choices if choice.offered_to(for_whom)]
    choices = [(personalize(choice.label, for_whom, language()), choice.value) for choice in offered]
    if question.kind == "checkbox":
        # "I'm not sure" means no topic in particular: it cannot be ticked with topics.
        return menus.checkbox(text, choices, alone=UNSURE if any(v == UNSURE for _, v in choices) else None)
    # "I'm not sure" is the default: pressing Enter straight away never states a preference.
    return menus.select(text, choices, default="unsure")


def shown_answer(question: Question, value: Any, for_whom: str) -> str:
    """The answer in the words of its choices; ticked topics joined, or "none"."""
    labels = {choice.value: personalize(choice.label, for_whom, language()) for choice in question.choices}
    if question.kind == "checkbox":
        return ", ".join(labels[v] for v in value) or _(NO_TOPICS)
    return labels[value]


def _ask_at(question: Question, place: str, given: dict[str, Any], terminal: Terminal) -> None:
    """Asks one question, saying where it stands (`place`), and records the answer in `given`."""
    for_whom = given.get("for_whom", "unsure")
    terminal.say(f"\n{place}\n" + personalize(question.help, for_whom, language()))  # a blank line between questions
    given[question.key] = ask_one(question, for_whom, terminal.menus)
    ticked = given[question.key]
    if question.kind == "checkbox" and not (len(ticked) == 1 and terminal.menus.echoes_a_single_tick):
        # Said once: the arrow menus' echo names one tick ("[Overdose]") but only counts several
        # ("done (2 selections)"); the numbered menus echo nothing.
        terminal.say(_("Topics: {topics}").format(topics=shown_answer(question, ticked, for_whom)))


def ask(questions: Sequence[Question], terminal: Terminal) -> Answers:
    """Asks every question in order; Ctrl-C or end of input raise (KeyboardInterrupt / EOFError)."""
    given: dict[str, Any] = {}
    for number, question in enumerate(questions, start=1):
        place = _("Question {number} of {count}").format(number=number, count=len(questions))
        _ask_at(question, place, given, terminal)
    from explorer.content.answers import Answers

    return Answers.model_validate(given)


def ask_the_step(content: MattersContent | None, answers: Answers, terminal: Terminal) -> Answers:
    """The optional step after the questions: one key (Enter) skips it, leaving every priority
    "unsure"; Ctrl-C or end of input raise, as at every question."""
    if content is None:
        return answers
    from explorer.ask.matters import ask_matters

    for_whom = answers.for_whom
    terminal.say(f"\n{_(STEP_PLACE)}\n" + personalize(content.step_help, for_whom, language()))
    return answers.model_copy(update={"matters": ask_matters(content, for_whom, terminal.menus)})


def _rating(content: MattersContent, answers: Answers, priority: Priority) -> str:
    return content.label_of(getattr(answers.matters, priority.key))


def summary(questions: Sequence[Question], answers: Answers, content: MattersContent | None = None) -> list[str]:
    """The answers as the person gave them, a line each; then the priorities, or that the step
    was skipped."""
    given = answers.model_dump()
    lines = [_("Your answers")]
    for question in questions:
        lines.append(f"  {question.name}: {shown_answer(question, given[question.key], answers.for_whom)}")
    if content is not None:
        heading = personalize(content.heading, answers.for_whom, language())
        if not answers.matters.answered():
            lines.append(f"  {heading}: {_(STEP_SKIPPED)}")
        else:
            lines.append(f"  {heading}:")
            lines += [f"    {p.name}: {_rating(content, answers, p)}" for p in content.priorities]
    return lines


def _change_priority(content: MattersContent, key: str, given: dict[str, Any], terminal: Terminal) -> None:
    """Asks one priority again (every rating, "I'm not sure" the default) and records it in `given`."""
    priority = next(p for p in content.priorities if p.key == key)
    for_whom = given.get("for_whom", "unsure")
    terminal.say("\n" + _("Changing: {name}").format(name=priority.name))
    choices = [(choice.label, choice.value) for choice in content.choices]
    rating = terminal.menus.select(personalize(priority.prompt, for_whom, language()), choices, default="unsure")
    given["matters"] = {**given["matters"], key: rating}


def review(
    questions: Sequence[Question],
    answers: Answers,
    terminal: Terminal,
    change_first: bool = False,
    matters: MattersContent | None = None,
) -> Answers:
    """Shows the answers (with the priorities of `matters`) and offers to go on (the default) or
    to change one; a changed answer or priority is asked again on its own, then the answers are
    shown again. `change_first` starts with the choice of the answer to change (the reading
    list's "Change an answer")."""
    from explorer.content.answers import Answers

    given = answers.model_dump()
    wants_change = change_first
    while True:
        answers = Answers.model_validate(given)
        if not wants_change:
            lines = summary(questions, answers, matters)
            terminal.show("\n" + "\n".join(wrap(line, terminal.width, hang="    ") for line in lines))
            choices = [(_("Go on with these answers"), GO_ON), (_("Change an answer"), CHANGE)]
            if terminal.menus.select(_("Go on, or change an answer?"), choices, default=GO_ON) == GO_ON:
                return answers
        wants_change = False
        for_whom = answers.for_whom
        which: list[tuple[str, Any]] = [
            (f"{q.name}: {shown_answer(q, given[q.key], for_whom)}", q.key) for q in questions
        ]
        if matters is not None:
            which += [(f"{p.name}: {_rating(matters, answers, p)}", (MATTERS, p.key)) for p in matters.priorities]
        key = terminal.menus.select(_("Which answer would you like to change?"), which, default=questions[0].key)
        if isinstance(key, tuple) and matters is not None:
            _change_priority(matters, key[1], given, terminal)
            continue
        question = next(q for q in questions if q.key == key)
        _ask_at(question, _("Changing: {name}").format(name=question.name), given, terminal)
