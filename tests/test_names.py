"""How a person is addressed: titles, particles, compound and family-name-first names,
greet_as, the composer's salutation and the loader's warning."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.helpers import BASE, notes_from
from writer import names
from writer.backends.offline.phrasing import salutation
from writer.checker import check
from writer.cli import main
from writer.kinds import MessageKind

NOTE = MessageKind.connection_note


@pytest.mark.parametrize(
    ("full", "given", "family"),
    [
        ("Rev. Samuel Adeyemi", "Samuel", "Adeyemi"),
        ("Fr. Tomás Keane", "Tomás", "Keane"),
        ("Sr. Agnes Mulroy", "Agnes", "Mulroy"),
        ("Prof. Pieter van der Berg", "Pieter", "van der Berg"),
        ("Mr. Étienne de la Fontaine", "Étienne", "de la Fontaine"),
        ("José Antonio Ruiz Castillo", "José Antonio", "Ruiz Castillo"),
        ("María José Fernández", "María José", "Fernández"),
        ("Jean-Luc Béranger", "Jean-Luc", "Béranger"),
        ("Mary Smith", "Mary", "Smith"),
        ("Nguyễn Thu An", "An", "Nguyễn"),
        ("Chen Xiaoling", "Xiaoling", "Chen"),
        ("Kim Min-jun", "Min-jun", "Kim"),
        ("Nagy Zsófia", "Zsófia", "Nagy"),
        ("Kim Smith", "Kim", "Smith"),
        ("Lee Evans", "Lee", "Evans"),
        ("Samuel L. Jackson", "Samuel", "Jackson"),
    ],
)
def test_names_are_taken_apart(full: str, given: str, family: str) -> None:
    name = names.parse(full)
    assert (name.given, name.family) == (given, family)
    assert not names.is_honorific(name.given.split()[0])


@pytest.mark.parametrize(
    ("full", "formal"),
    [
        ("Dr. Chukwuemeka Okafor", "Dr. Okafor"),
        ("Mr. Étienne de la Fontaine", "Mr. de la Fontaine"),
        ("Prof. Pieter van der Berg", "Prof. van der Berg"),
        ("Sir Anand Krishnamurthy", "Sir Anand"),
        ("Dame Olivia Harcourt", "Dame Olivia"),
        ("Anne-Marie Kowalczyk", "Anne-Marie"),  # no title: the given name
    ],
)
def test_formal_address(full: str, formal: str) -> None:
    assert names.address(full, formal=True) == formal


def _person(name: str, culture: str = "formal", **extra: str) -> tuple[object, object]:
    notes = notes_from({"culture": culture}, name=name, **extra)
    return notes, notes.interviewers[0]


@pytest.mark.parametrize(
    ("name", "culture", "greet_as", "opening"),
    [
        ("Rev. Samuel Adeyemi", "casual", None, "Hi Samuel"),
        ("Dr. Chukwuemeka Okafor", "formal", None, "Dear Dr. Okafor"),
        ("Mr. Étienne de la Fontaine", "formal", None, "Dear Mr. de la Fontaine"),
        ("Sir Anand Krishnamurthy", "formal", None, "Dear Sir Anand"),
        ("Jean-Luc Béranger", "formal", None, "Dear Jean-Luc"),
        ("José Antonio Ruiz Castillo", "neutral", None, "Hi José Antonio"),
        ("Nguyễn Thu An", "neutral", None, "Hi An"),
        ("Chen Xiaoling", "neutral", "Vivian", "Hi Vivian"),
        ("Dr. Chukwuemeka Okafor", "formal", "Chukwuemeka", "Dear Chukwuemeka"),
    ],
)
def test_the_composer_greets_as_a_careful_person_would(
    name: str, culture: str, greet_as: str | None, opening: str
) -> None:
    extra = {"greet_as": greet_as} if greet_as else {}
    notes, person = _person(name, culture, **extra)
    assert salutation(notes, person) == opening  # type: ignore[arg-type]


def _greeting_errors(text: str, name: str, culture: str = "neutral", **extra: str) -> list[str]:
    notes = notes_from({"culture": culture}, name=name, **extra)
    report = check(NOTE, text, to=name, notes=notes)
    return [f.message for f in report.findings if f.rule == "greet.by_name"]


@pytest.mark.parametrize(
    ("text", "name", "extra"),
    [
        ("Thanks for connecting, Aoife! I enjoyed the Kafka migration talk.", "Aoife Byrne", {}),
        ("Dear Dr. Okafor, thank you for the Kafka migration talk.", "Chukwuemeka Okafor", {}),
        ("Dear Mr. de la Fontaine, thank you for the Kafka talk.", "Étienne de la Fontaine", {}),
        ("Hi Xiaoling, thank you for the Kafka migration talk.", "Chen Xiaoling", {}),
        (
            "Hi Vivian, thank you for the Kafka migration talk.",
            "Chen Xiaoling",
            {"greet_as": "Vivian"},
        ),
        ("Hi An, thank you for the Kafka migration talk.", "Nguyễn Thu An", {}),
        ("Hi José Antonio, thank you for the Kafka migration talk.", "José Antonio Ruiz", {}),
    ],
)
def test_the_greeting_rule_accepts_good_openings(
    text: str, name: str, extra: dict[str, str]
) -> None:
    assert _greeting_errors(text, name, **extra) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hi Rev., thank you for the Kafka migration talk.", "Rev. Samuel Adeyemi"),
        ("Hi Nguyễn, thank you for the Kafka migration talk.", "Nguyễn Thu An"),
        ("Thank you for the Kafka talk. Aoife, it was great.", "Aoife Byrne"),  # not the opening
    ],
)
def test_the_greeting_rule_flags_wrong_openings(text: str, name: str) -> None:
    (message,) = _greeting_errors(text, name)
    assert "does not address" in message and "first sentence names" in message


def test_a_misspelled_greeting_gets_the_spelling_as_its_fix() -> None:
    notes = notes_from(name="Siobhán Ní Bhriain")
    report = check(
        NOTE,
        "Hi Siobhan, thanks for the Kafka talk.",
        to="Siobhán Ní Bhriain",
        notes=notes,
    )
    (finding,) = [f for f in report.findings if f.rule == "greet.by_name"]
    assert finding.replacement == "Siobhán" and "'Siobhan'" in finding.message


def test_greet_as_is_checked_against(tmp_path: Path) -> None:
    assert (
        _greeting_errors(
            "Hi Xiaoling, thanks for the Kafka talk.", "Chen Xiaoling", greet_as="Vivian"
        )
        == []
    )
    assert _greeting_errors(
        "Hi Chen, thanks for the Kafka talk.", "Chen Xiaoling", greet_as="Vivian"
    )


def _write(tmp_path: Path, **person: str) -> str:
    data = {**BASE, "interviewers": [{**BASE["interviewers"][0], **person}]}
    path = tmp_path / "notes.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("name", "warns"),
    [("Nguyễn Thu An", True), ("Kim Min-jun", True), ("Kim Smith", False), ("Lee Evans", False)],
)
def test_the_loader_warns_on_a_family_name_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, warns: bool
) -> None:
    path = _write(tmp_path, name=name)
    assert main(["plan", path, "--now", "2026-11-20T18:00:00-05:00"]) == 0
    err = capsys.readouterr().err
    assert ("writer: warning:" in err and "greet_as" in err and name in err) is warns


def test_greet_as_silences_the_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, name="Nguyễn Thu An", greet_as="An")
    assert main(["plan", path, "--now", "2026-11-20T18:00:00-05:00"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_an_empty_greet_as_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, greet_as=" ")
    assert main(["plan", path]) == 2
    assert "greet_as" in capsys.readouterr().err


def test_a_title_with_only_a_surname_is_greeted_with_the_title() -> None:
    # 'Mr. Adebayo' gives no first name: 'Hi Adebayo' would be rude, so the title stays.
    assert names.address("Mr. Adebayo") == "Mr. Adebayo"
    assert names.address("Mr. Adebayo", formal=True) == "Mr. Adebayo"
    assert "Mr. Adebayo" in names.accepted_addresses("Mr. Adebayo")


def test_a_blank_recipient_greets_nobody_and_does_not_crash() -> None:
    # Found by fuzzing: `--to " "` reached an empty given name.
    report = check(MessageKind.thank_you_email, "A", subject="A", to=" ")
    assert "greet.by_name" not in {f.rule for f in report.findings}


def test_family_first_warning_names_the_formal_greeting_too() -> None:
    warning = names.family_first_warning("Mr. Sato Haruki")
    assert warning is not None
    assert "'Haruki'" in warning and "'Mr. Sato' in a formal culture" in warning
