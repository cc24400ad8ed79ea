"""Notes read through libyaml (fast) load and fail exactly as through PyYAML's own parser:
the same notes, the same `file:line` and the same words for every problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import EXAMPLES
from writer import loader
from writer.errors import InputError
from writer.loader import parse_notes

GOOD = EXAMPLES[0].read_text("utf-8")
NAME_LINE = next(line for line in GOOD.splitlines() if line.startswith("    rapport:"))

BROKEN = {
    "syntax": GOOD.replace("role: Senior Backend Engineer", "role: [Senior"),
    "duplicate key": GOOD + "company: Acme again\n",
    "unknown key": GOOD.replace(NAME_LINE, NAME_LINE.replace("rapport", "raport"), 1),
    "alias": "candidate: &me {name: A}\nagain: *me\n",
    "tag": GOOD.replace("role: Senior", "role: !!str Senior"),
    "deep": "a: " + "[" * 40 + "]" * 40 + "\n",
    "deep on one line": "a: " + "- " * 5000 + "x\n",
    "control character": GOOD.replace("Senior", "Sen\x07ior", 1),
    "tab": GOOD.replace("    rapport", "\trapport", 1),
    "two documents": GOOD + "---\n" + GOOD,
}


def outcome(text: str) -> str:
    try:
        return repr(parse_notes(text, "notes.yaml").model_dump())
    except InputError as error:
        return "\n".join(map(str, error.problems))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_load_the_same_through_libyaml(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text("utf-8")
    fast = outcome(text)
    monkeypatch.setattr(loader, "_LIBYAML", False)
    assert fast == outcome(text)
    assert "candidate" in fast


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_problems_read_the_same_through_libyaml(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = outcome(BROKEN[name])
    monkeypatch.setattr(loader, "_LIBYAML", False)
    slow = outcome(BROKEN[name])
    assert fast == slow
    assert fast.startswith("notes.yaml:")  # a problem with its line, not notes


def test_libyaml_is_what_reads_a_valid_file() -> None:
    if not loader._LIBYAML:
        pytest.skip("PyYAML was built without libyaml here")
    node = loader._compose_fast(GOOD)
    assert node is not False and node is not None
    assert type(node.start_mark).__module__ == "yaml._yaml"  # libyaml's marks
    company = next(key for key, _ in node.value if key.value == "company")
    assert GOOD.splitlines()[company.start_mark.line].startswith("company:")
