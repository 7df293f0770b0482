"""The questions, asked through both kinds of menus without a terminal: the arrow-key menus through
prompt_toolkit's pipe input (as questionary's own tests do), the numbered menus through a list of
typed lines."""

from __future__ import annotations

import contextlib

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from explorer.ask import arrow_menus, questionnaire
from explorer.ask.arrow_menus import ArrowMenus
from explorer.ask.numbered_menus import NumberedMenus
from explorer.ask.terminal import Terminal
from explorer.content.answers import PRIORITY_KEYS, Answers

from .helpers.keys import CTRL_C, CTRL_D, DOWN, ENTER, SPACE


class _FedArrowMenus(ArrowMenus):
    """Arrow-key menus that read each prompt's keys from a pipe, one entry of `keys` per prompt."""

    def __init__(self, keys: list[str], stack: contextlib.ExitStack, width: int = 80):
        super().__init__(width)
        self.keys, self.stack = list(keys), stack

    def _fed(self, ask, *args, **kwargs):
        pipe = self.stack.enter_context(create_pipe_input())
        pipe.send_text(self.keys.pop(0))
        self.prompt_options = {"input": pipe, "output": DummyOutput()}
        return ask(*args, **kwargs)

    def select(self, *args, **kwargs):
        return self._fed(super().select, *args, **kwargs)

    def checkbox(self, *args, **kwargs):
        return self._fed(super().checkbox, *args, **kwargs)

    def confirm(self, *args, **kwargs):
        return self._fed(super().confirm, *args, **kwargs)


def _answer_with_keys(catalog, keys):
    said = []
    with contextlib.ExitStack() as stack:
        answers = questionnaire.ask(
            catalog.questions, Terminal(_FedArrowMenus(keys, stack), width=10_000, show=said.append)
        )
    return answers, said


def _typed(lines):
    """A read_line that types `lines` one by one, and ends the input (Ctrl-D) after the last."""
    pending = list(lines)
    prompts = []

    def read_line(prompt):
        prompts.append(prompt)
        if not pending:
            raise EOFError
        return pending.pop(0)

    return read_line, prompts


def _answer_with_lines(catalog, lines, width=80):
    said = []
    read_line, prompts = _typed(lines)
    menus = NumberedMenus(width, say=said.append, read_line=read_line)
    answers = questionnaire.ask(catalog.questions, Terminal(menus, width=width, show=said.append))
    return answers, said, prompts


EXPECTED = {
    "for_whom": "someone_else",
    "setting": "doctor_office",
    "dosing": "monthly",
    "detox": "completed",
    "counseling": "yes",
    "support_groups": "no",
    "interests": ("overdose", "understanding_addiction"),
    "matters": dict.fromkeys(PRIORITY_KEYS, "unsure"),  # the optional step is asked apart (ask_the_step)
}
UNSURE = {
    "for_whom": "unsure",
    "setting": "unsure",
    "dosing": "unsure",
    "detox": "unsure",
    "counseling": "unsure",
    "support_groups": "unsure",
    "interests": (),
    "matters": dict.fromkeys(PRIORITY_KEYS, "unsure"),
}


def test_keys_become_answers(catalog):
    keys = [
        "2" + ENTER,
        "2" + ENTER,
        "2" + ENTER,
        "3" + ENTER,
        "1" + ENTER,
        "2" + ENTER,
        DOWN * 3 + SPACE + DOWN + SPACE + ENTER,
    ]
    answers, said = _answer_with_keys(catalog, keys)
    assert answers.model_dump() == EXPECTED
    assert said[0] == "\nQuestion 1 of 7\n" + catalog.questions[0].help
    assert said[-1] == "Topics: Overdose, Understanding addiction"  # in place of "done (2 selections)"
    assert len(said) == len(catalog.questions) + 1


def test_one_ticked_topic_is_echoed_once_in_both_kinds_of_menus(catalog):
    one_topic = ["1" + ENTER] * 6 + [DOWN * 3 + SPACE + ENTER]  # overdose
    answers, said = _answer_with_keys(catalog, one_topic)
    assert answers.interests == ("overdose",)
    # questionary echoes it ("[Overdose]"): no "Topics:" line besides
    assert not [line for line in said if line.startswith("Topics:")], said
    answers, said, _ = _answer_with_lines(catalog, ["1"] * 6 + ["4"])
    assert answers.interests == ("overdose",)
    assert said[-1] == "Topics: Overdose"  # the numbered menus echo nothing: said here


def _review_with_lines(catalog, answers, lines, change_first=False):
    said = []
    read_line, prompts = _typed(lines)
    menus = NumberedMenus(80, say=said.append, read_line=read_line)
    terminal = Terminal(menus, width=80, show=said.append)
    return questionnaire.review(catalog.questions, answers, terminal, change_first), "\n".join(said)


def test_going_on_keeps_the_answers_and_shows_them(catalog):
    unsure = Answers.model_validate(UNSURE)
    answers, shown = _review_with_lines(catalog, unsure, [""])  # Enter alone: go on
    assert answers == unsure
    assert "Your answers\n  Exploring for: I'd rather not say / I'm not sure" in shown
    assert "  Interests: none" in shown


def test_changing_one_answer_asks_only_that_question_then_shows_the_answers_again(catalog):
    unsure = Answers.model_validate(UNSURE)
    # change an answer; the second one (setting); a residential program; then go on
    answers, shown = _review_with_lines(catalog, unsure, ["2", "2", "3", ""])
    assert answers.model_dump() == {**UNSURE, "setting": "residential"}
    assert shown.count("Your answers") == 2
    assert "Changing: Setting" in shown
    assert "Setting: A residential (inpatient) program" in shown.split("Changing: Setting")[1]
    assert "how often" not in shown  # no other question asked again


def test_change_first_starts_with_the_choice_of_answer(catalog):
    unsure = Answers.model_validate(UNSURE)
    answers, shown = _review_with_lines(catalog, unsure, ["4", "3", ""], change_first=True)  # detox: completed
    assert answers.model_dump() == {**UNSURE, "detox": "completed"}
    assert shown.index("Which answer would you like to change?") < shown.index("Your answers")


def test_typed_numbers_become_the_same_answers(catalog):
    answers, _, _ = _answer_with_lines(catalog, ["2", "2", "2", "3", "1", "2", "5 4"])
    assert answers.model_dump() == EXPECTED


def test_enter_alone_answers_unsure_everywhere(catalog):
    answers, _ = _answer_with_keys(catalog, [ENTER] * len(catalog.questions))
    assert answers.model_dump() == UNSURE
    answers, _, _ = _answer_with_lines(catalog, [""] * len(catalog.questions))
    assert answers.model_dump() == UNSURE


@pytest.mark.parametrize("wrong", ["9", "0", "x", "1 2", "-1", "²"])
def test_a_wrong_number_is_asked_again_with_what_to_type(catalog, wrong):
    answers, said, prompts = _answer_with_lines(catalog, [wrong, "1"] + [""] * 6)
    assert answers.for_whom == "self"
    assert [line for line in said if line.startswith("Please type a number from 1 to 3, then Enter")]
    assert prompts[0] == prompts[1]  # the same question again


def test_numbered_menus_list_every_choice_and_wrap_at_the_width(catalog):
    _, said, prompts = _answer_with_lines(catalog, [""] * len(catalog.questions), width=40)
    shown = "\n".join(said + prompts)
    for question in catalog.questions:
        for number, choice in enumerate(question.choices, start=1):
            assert f"  {number}. {choice.label.split()[0]}" in shown
    assert all(len(line.rstrip()) <= 40 for line in shown.splitlines()), shown
    assert "\x1b" not in shown  # no colours, no cursor movement


def test_arrow_menus_wrap_long_labels_under_themselves():
    title = arrow_menus._title("Completed: no opioids for at least 7–10 days", lead=6, width=40)
    assert title == "Completed: no opioids for at least\n      7–10 days"


def test_wording_adapts_to_someone_else(catalog):
    setting = catalog.questions[1]
    for for_whom, wording in (("self", "would you prefer"), ("someone_else", "would the person you care about prefer")):
        said = []
        read_line, _ = _typed([""])
        questionnaire.ask_one(setting, for_whom, NumberedMenus(80, say=said.append, read_line=read_line))
        assert wording in " ".join(said[0].split())


def test_ctrl_c_interrupts(catalog):
    with pytest.raises(KeyboardInterrupt):
        _answer_with_keys(catalog, [CTRL_C])


@pytest.mark.parametrize("position", [0, 3, 6])
def test_ctrl_d_is_end_of_input_at_every_kind_of_question(catalog, position):
    with pytest.raises(EOFError):
        _answer_with_keys(catalog, [ENTER] * position + [CTRL_D])
    with pytest.raises(EOFError):
        _answer_with_lines(catalog, [""] * position)


@pytest.mark.parametrize("typed, expected", [("", False), ("y", True), ("YES", True), ("n", False)])
def test_numbered_confirm(typed, expected):
    read_line, _ = _typed([typed])
    assert NumberedMenus(80, say=lambda _: None, read_line=read_line).confirm("Save?") is expected


def test_arrow_confirm_and_text_take_their_defaults():
    with contextlib.ExitStack() as stack:
        menus = _FedArrowMenus([ENTER], stack)
        assert menus.confirm("Save?", default=False) is False


# ---- the optional step "what matters to me" --------------------------------------------------------


def _step_with_lines(catalog, answers, lines):
    said = []
    read_line, _ = _typed(lines)
    terminal = Terminal(NumberedMenus(80, say=said.append, read_line=read_line), width=80, show=said.append)
    return questionnaire.ask_the_step(catalog.matters, answers, terminal), "\n".join(said)


def test_the_step_says_what_it_is_then_enter_alone_skips_it(catalog):
    someone = Answers.model_validate({**UNSURE, "for_whom": "someone_else"})
    answers, shown = _step_with_lines(catalog, someone, [""])
    assert answers == someone
    assert shown.startswith("\nOne more step, optional\nOptional: how much some points matter to the person you care")
    assert "1. Skip this step" in shown


def test_the_step_s_answers_join_the_other_answers(catalog):
    unsure = Answers.model_validate(UNSURE)
    answers, _ = _step_with_lines(catalog, unsure, ["2", "1", "", "", "", "", "", "2"])  # yes; a lot; …; somewhat
    assert answers.matters.model_dump() == {**UNSURE["matters"], "visits": "a_lot", "cost": "somewhat"}
    assert answers.model_dump() | {"matters": UNSURE["matters"]} == unsure.model_dump()  # nothing else moved


def _review_with_matters(catalog, answers, lines):
    said = []
    read_line, _ = _typed(lines)
    terminal = Terminal(NumberedMenus(80, say=said.append, read_line=read_line), width=80, show=said.append)
    return questionnaire.review(catalog.questions, answers, terminal, matters=catalog.matters), "\n".join(said)


def test_the_review_says_the_step_was_skipped(catalog):
    _, shown = _review_with_matters(catalog, Answers.model_validate(UNSURE), [""])
    assert "  Interests: none\n  What matters to you: skipped\n" in shown


def test_the_review_shows_the_priorities_and_can_change_one(catalog):
    rated = Answers.model_validate({**UNSURE, "matters": {"visits": "somewhat"}})
    # change an answer; entry 9, the second priority (how it is taken); a lot; then go on
    answers, shown = _review_with_matters(catalog, rated, ["2", "9", "1", ""])
    assert answers.matters.model_dump() == {**UNSURE["matters"], "visits": "somewhat", "how_taken": "a_lot"}
    first, again = shown.split("Changing: How it is taken")
    assert (
        "  What matters to you:\n    How often one goes somewhere for it: Somewhat\n    How it is taken: I'm" in first
    )
    assert "  9. How it is taken: I'm not sure" in first  # listed among the answers to change
    assert "How it is taken: A lot" in again
    assert "Question" not in again  # no question asked again


# ---- "I'm not sure" goes alone among the topics --------------------------------------------------


def _topics(catalog):
    return next(question for question in catalog.questions if question.kind == "checkbox")


@pytest.mark.parametrize(
    "keys, ticked",
    [
        ("1" + SPACE + "10" + SPACE + ENTER, ["unsure"]),  # a topic, then "I'm not sure": it alone
        ("10" + SPACE + "1" + SPACE + "4" + SPACE + ENTER, ["how_medications_work", "overdose"]),  # it gives way
    ],
)
def test_in_the_arrow_checkbox_i_m_not_sure_goes_alone(catalog, keys, ticked):
    with contextlib.ExitStack() as stack:
        answer = questionnaire.ask_one(_topics(catalog), "self", _FedArrowMenus([keys], stack))
    assert answer == ticked


def test_in_the_arrow_checkbox_all_ticks_every_topic_and_not_i_m_not_sure(catalog):
    with contextlib.ExitStack() as stack:
        answer = questionnaire.ask_one(_topics(catalog), "self", _FedArrowMenus(["10" + SPACE + "a" + ENTER], stack))
    assert "unsure" not in answer and len(answer) == len(_topics(catalog).choices) - 1


def test_the_exclusivity_check_sees_a_checkbox_that_lets_both_through(catalog):
    # Without `alone`, the same keys tick both: the tests above would fail on such a menu.
    with contextlib.ExitStack() as stack:
        menus = _FedArrowMenus(["1" + SPACE + "10" + SPACE + ENTER], stack)
        choices = [(choice.label, choice.value) for choice in _topics(catalog).choices]
        assert menus.checkbox("Topics?", choices) == ["how_medications_work", "unsure"]


def test_in_the_numbered_checkbox_i_m_not_sure_with_topics_is_refused_in_one_line(catalog):
    said = []
    read_line, _ = _typed(["1 10", "10"])
    menus = NumberedMenus(80, say=said.append, read_line=read_line)
    assert questionnaire.ask_one(_topics(catalog), "self", menus) == ["unsure"]
    assert "10 (I'm not sure) goes alone: type 10 alone, or the others." in said
