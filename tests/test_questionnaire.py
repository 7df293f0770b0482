"""The questions, driven without a terminal through prompt_toolkit's pipe input (as questionary's
own tests do)."""

from __future__ import annotations

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from explorer import questionnaire

DOWN, ENTER, SPACE = "\x1b[B", "\r", " "


def _answer(catalog, keys_per_question, monkeypatch):
    """Runs questionnaire.ask, feeding each prompt its own keys."""
    said, pending = [], list(keys_per_question)
    real = questionnaire.to_prompt

    def fed_prompt(question, for_whom, width=80, **options):
        pipe = stack.enter_context(create_pipe_input())
        pipe.send_text(pending.pop(0))
        return real(question, for_whom, width, input=pipe, output=DummyOutput())

    import contextlib

    with contextlib.ExitStack() as stack:
        monkeypatch.setattr(questionnaire, "to_prompt", fed_prompt)
        answers = questionnaire.ask(catalog.questions, say=said.append)
    return answers, said


def test_keys_become_answers(catalog, monkeypatch):
    keys = ["2" + ENTER, "2" + ENTER, "2" + ENTER, "3" + ENTER, "1" + ENTER, "2" + ENTER,
            DOWN * 3 + SPACE + DOWN + SPACE + ENTER]
    answers, said = _answer(catalog, keys, monkeypatch)
    assert answers.model_dump() == {
        "for_whom": "someone_else", "setting": "doctor_office", "dosing": "monthly", "detox": "completed",
        "counseling": "yes", "support_groups": "no", "interests": ("overdose", "understanding_addiction"),
    }
    assert said[0] == "\n" + catalog.questions[0].help
    assert len(said) == len(catalog.questions)


def test_enter_alone_answers_unsure_everywhere(catalog, monkeypatch):
    answers, _ = _answer(catalog, [ENTER] * len(catalog.questions), monkeypatch)
    assert answers.model_dump() == {"for_whom": "unsure", "setting": "unsure", "dosing": "unsure", "detox": "unsure",
                                    "counseling": "unsure", "support_groups": "unsure", "interests": ()}


def test_wording_adapts_to_someone_else(catalog, monkeypatch):
    messages = []
    monkeypatch.setattr(questionnaire.questionary, "select", lambda message, **kw: messages.append(message))
    monkeypatch.setattr(questionnaire, "ending_on_ctrl_d", lambda prompt: prompt)
    setting = catalog.questions[1]
    questionnaire.to_prompt(setting, "self")
    questionnaire.to_prompt(setting, "someone_else")
    assert "would you prefer" in " ".join(messages[0].split())
    assert "would the person you care about prefer" in " ".join(messages[1].split())


def test_ctrl_c_interrupts(catalog, monkeypatch):
    with pytest.raises(KeyboardInterrupt):
        _answer(catalog, ["\x03"], monkeypatch)


@pytest.mark.parametrize("position", [0, 3, 6])
def test_ctrl_d_is_end_of_input_at_every_kind_of_question(catalog, monkeypatch, position):
    with pytest.raises(EOFError):
        _answer(catalog, [ENTER] * position + ["\x04"], monkeypatch)
