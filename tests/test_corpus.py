"""The real-world corpus (tests/data/corpus) and the benchmark that scores the checker on it."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from writer.checker.engine import ERROR, WARNING, Finding
from writer.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "corpus_benchmark", ROOT / "benchmarks" / "corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


bench = _benchmark()


def _data() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(bench.CORPUS.read_text(encoding="utf-8"), Loader=loader)
    return data


def _entry(entry_id: str) -> Any:
    return next(e for e in bench.load().entries if e.id == entry_id)


def _finding(rule: str, severity: str = ERROR) -> Finding:
    return Finding(rule=rule, severity=severity, message="m", start=0, end=1)


def test_the_corpus_follows_its_schema() -> None:
    assert bench.validate(_data()) == []
    corpus = bench.load()
    assert len(corpus.entries) >= 90
    # Every kind is known; the published examples cover the thank-you and LinkedIn kinds
    # (the journey kinds are covered by evals/golden/07-journey.yaml).
    kinds = {e.kind for e in corpus.entries}
    assert {"thank_you_email", "connection_note", "follow_up_message"} <= kinds <= set(KINDS)
    assert sum(e.label == "bad" for e in corpus.entries) >= 35
    assert all(
        e.source.startswith("http") and e.split in ("tune", "holdout") for e in corpus.entries
    )


def test_about_a_third_of_each_kind_and_label_is_held_out() -> None:
    strata = Counter((e.kind, e.label) for e in bench.load().entries)
    held = Counter((e.kind, e.label) for e in bench.load().entries if e.split == "holdout")
    # A stratum of one or two (the first bad offer replies) cannot be held out by thirds:
    # new entries take their split from the order they were added in, before any is checked.
    for stratum, total in strata.items():
        if total >= 3:
            assert 0.2 <= held[stratum] / total <= 0.5, stratum


def test_every_template_has_a_filled_copy_without_its_slots() -> None:
    templates = [e for e in bench.load().entries if e.raw]
    assert templates
    for entry in templates:
        assert entry.filled and entry.filled != entry.text, entry.id
        assert "[Name]" not in entry.filled and "_____" not in entry.filled, entry.id


def test_validate_names_each_broken_entry_and_what_is_wrong() -> None:
    data = _data()
    first, second = dict(data["messages"][0]), dict(data["messages"][1])
    second["id"] = first["id"]
    second["label"] = "meh"
    second["problems"] = ["rudeness"]
    del second["split"]
    errors = bench.validate({"problem_rules": data["problem_rules"], "messages": [first, second]})
    assert any("id used twice" in e for e in errors)
    assert any("label 'meh'" in e for e in errors)
    assert any("'rudeness' is not in `problem_rules`" in e for e in errors)
    assert any("`split` is missing" in e for e in errors)
    assert all(first["id"] in e for e in errors)


def test_a_bad_message_counts_as_named_only_by_a_rule_mapped_to_its_problem() -> None:
    corpus = bench.load()
    rules = dict(corpus.problem_rules) | {"text_speak": ("register.",)}
    desperate = _entry("tye-coburg-kidney")  # the source calls it desperate
    named = bench.score(desperate, [_finding("desperate", WARNING)], rules)
    assert named.named is True and named.naming_rules == ("desperate",)
    elsewhere = bench.score(desperate, [_finding("subject.present")], rules)
    assert elsewhere.named is False and elsewhere.flagged is True
    # a rule id the next issue adds is matched by the prefix the table gives
    texting = _entry("tye-talmundo-thx-4")
    assert bench.score(texting, [_finding("register.text_speak")], rules).named is True
    assert bench.score(texting, [_finding("registered")], rules).named is False


def test_a_good_message_is_a_false_alarm_only_on_an_error_the_message_itself_earns() -> None:
    rules = bench.load().problem_rules
    good = _entry("tye-careerkit-marketing-manager")
    warned = bench.score(good, [_finding("tone.exclamations", WARNING)], rules)
    assert warned.false_alarm is False and warned.warned is True
    assert bench.score(good, [_finding("subject.present")], rules).false_alarm is True
    # a fragment is one sentence: the greeting and thanks it leaves out are not its fault
    fragment = _entry("tye-acceleratetv-instead-timeline")
    assert bench.score(fragment, [_finding("greet.by_name")], rules).false_alarm is False
    # nor is a lower-case sentence quoted from the middle of a message an all-lower message
    assert bench.score(fragment, [_finding("grammar.all_lower")], rules).false_alarm is False
    assert bench.score(good, [_finding("grammar.all_lower")], rules).false_alarm is True
    assert bench.score(fragment, [_finding("placeholder")], rules).false_alarm is True


def test_a_raw_template_is_flagged_through_the_checker_like_writer_check() -> None:
    corpus = bench.load()
    template = _entry("tye-qammunity-template")
    raw = bench.check_message(template, template.text)
    result = bench.score(template, [], corpus.problem_rules, raw)
    assert result.raw_flagged is True
    assert any(
        f.rule == "placeholder" and "[Interviewer's Name]" in template.text[f.start : f.end]
        for f in raw
    )


def test_the_benchmark_reports_both_parts_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--json", "--misses"]) == 0
    out = json.loads(capsys.readouterr().out)
    for part in ("tune", "holdout"):
        shares = out[part]["after_interview"]
        assert shares["false_alarms"]["n"] > 0 and shares["bad_named"]["n"] > 0
        assert out[part]["every_context"]["raw_flagged"]["n"] > 0
    assert {m["miss"] for m in out["misses"]} <= {"unnamed", "false_alarm", "raw_passed"}


def test_a_broken_corpus_file_gets_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "messages.yaml"
    broken.write_text("problem_rules: {}\nmessages:\n- id: x\n", encoding="utf-8")
    assert bench.main(["--corpus", str(broken)]) == 2
    err = capsys.readouterr().err
    assert str(broken) in err and "messages[0] (x)" in err
