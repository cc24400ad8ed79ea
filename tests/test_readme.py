"""The README stays true: its example exists and its tables name every rule."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from writer.checker import rules
from writer.planner_rules import PLANNER_RULES

README = (ROOT / "README.md").read_text("utf-8")


def test_first_screen_commands_name_real_files() -> None:
    first_screen = README.split("---", 1)[0]
    assert 'pip install -e ".[dev]"' in first_screen
    assert "pytest" in first_screen
    [example] = re.findall(r"writer draft (\S+\.yaml)", first_screen)
    assert (ROOT / example).is_file()


def test_every_rule_is_in_the_readme_tables() -> None:
    for rule_id in [r.id for r in rules()] + list(PLANNER_RULES):
        assert f"| `{rule_id}` |" in README, rule_id


def test_ci_runs_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert 'pip install --quiet -e ".[dev]"' in ci
    assert "\npytest\n" in ci
