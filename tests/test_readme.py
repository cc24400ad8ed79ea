"""The README stays true: its example exists and its tables name every rule."""

from __future__ import annotations

import re

from tests.helpers import ROOT
from writer.checker import rules
from writer.planner_rules import PLANNER_RULES

README = (ROOT / "README.md").read_text("utf-8")


FIRST_SCREEN = README.split("---", 1)[0]
TASKS = (ROOT / "tasks.py").read_text("utf-8")


def test_first_screen_shows_the_two_commands_and_they_exist() -> None:
    [setup, check] = re.findall(r"^python3 tasks\.py (\w+)", FIRST_SCREEN, flags=re.M)
    assert (setup, check) == ("demo", "test")
    assert 'TASKS = {"demo": demo, "test": test}' in TASKS


def test_first_screen_commands_name_real_files() -> None:
    assert 'pip install -e ".[dev]"' in FIRST_SCREEN
    assert "pytest" in FIRST_SCREEN
    [example] = re.findall(r"writer draft (\S+\.yaml)", FIRST_SCREEN)
    assert (ROOT / example).is_file()
    assert f'EXAMPLE = "{example}"' in TASKS, "the demo drafts the example the README shows"


def test_every_rule_is_in_the_readme_tables() -> None:
    for rule_id in [r.id for r in rules()] + list(PLANNER_RULES):
        assert f"| `{rule_id}` |" in README, rule_id


def test_ci_runs_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "\npython3 tasks.py test\n" in ci
    assert '"pip", "install", "--quiet", "-e", ".[dev]"' in TASKS
    assert 'run(python, "-m", "pytest")' in TASKS
    assert 'run(python, "-m", "pytest", "-m", "slow"' in TASKS


def test_the_guidance_and_the_format_live_in_the_repository() -> None:
    guidance = (ROOT / "docs" / "guidance.md").read_text("utf-8")
    for rule_id in [r.id for r in rules()] + list(PLANNER_RULES):
        family = rule_id.split(".")[0] + ".*"
        assert f"`{rule_id}`" in guidance or f"`{family}`" in guidance, rule_id
    assert "| **000** |" in guidance and "| **001** |" in guidance, "the source names resolve"
    assert (ROOT / "docs" / "notes-format.md").is_file()


def test_no_reference_points_outside_the_repository() -> None:
    outside = re.compile(r"\b(?:CONTRACT|GUIDANCE|STYLE)\.md\b|\.\./shared|/work/|seeds/")
    tracked = [
        path
        for folder in ("writer", "tui", "tests", "prompts", "benchmarks", "evals", "docs", ".ci")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".md", ".yaml", ".toml", ""} and path.is_file()
    ]
    for path in [*tracked, ROOT / "README.md", ROOT / "pyproject.toml"]:
        if path.name == "test_readme.py":
            continue  # this file names the patterns it looks for
        text = path.read_text("utf-8", errors="replace")
        assert not outside.search(text), f"{path.relative_to(ROOT)}: {outside.search(text)}"
