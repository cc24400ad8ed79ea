"""The rule engine: a rule file with a mistake fails to load and says where; tokens and
swaps are matched by the engine at word boundaries; users set levels in their config file."""

from __future__ import annotations

import json
import marshal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import notes_from
from writer.checker import apply_fixes, check, check_across, loading, rules
from writer.checker.context import Context
from writer.checker.engine import RUNNERS, Finding, Rule
from writer.checker.loading import INDEXES, built_indexes, digest, load_rules, rule_files
from writer.checker.rule_index import RuleIndex, index_for
from writer.checker.schema import RuleError, parse_rule_files, parse_rules
from writer.cli import main
from writer.guidance import DEFAULT_GUIDANCE
from writer.kinds import KINDS, MessageKind


def rule_file(text: str) -> tuple[Rule, ...]:
    return parse_rules(yaml.safe_load(text), "test-rules.yaml")


def run(rules_: tuple[Rule, ...], text: str, kind: str = "connection_note") -> list[Finding]:
    """The given rules over one message, as the checker runs its own."""
    chosen = [r for r in rules_ if kind in r.kinds]
    index = index_for(chosen)
    ctx = Context(kind=kind, text=text, guidance=DEFAULT_GUIDANCE, phrases=index)
    return [f for r in chosen for f in RUNNERS[r.type](r, ctx)]


EXISTENCE = """
- id: register.text_speak
  type: existence
  severity: warning
  description: Text-speak
  message: "'{match}' is text-speak"
  tokens: [rn, tbh, "w/", "->"]
"""


def failure(text: str) -> str:
    with pytest.raises(RuleError) as caught:
        rule_file(text)
    return str(caught.value)


def test_an_unknown_key_fails_naming_the_rule_and_the_key() -> None:
    message = failure(EXISTENCE.replace("tokens:", "pattern:"))
    assert "register.text_speak" in message and "'pattern'" in message
    assert "not a rule key" in message


def test_an_unknown_type_fails_naming_the_rule_and_the_key() -> None:
    message = failure(EXISTENCE.replace("type: existence", "type: existance"))
    assert "register.text_speak" in message and "'type'" in message
    assert "substitution" in message  # the allowed types are listed


def test_an_unknown_script_fails_naming_the_rule_and_the_key() -> None:
    message = failure(
        """
- id: greet.typo
  type: script
  script: grettings
  severity: error
  description: d
  message: m
"""
    )
    assert "greet.typo" in message and "'script'" in message and "'grettings'" in message
    assert "greeting" in message  # the registered scripts are listed


def test_a_key_of_another_type_and_a_missing_key_fail_by_name() -> None:
    stray = failure(EXISTENCE.replace("tokens:", "swap: {a: b}\n  tokens:"))
    assert "register.text_speak" in stray and "'swap'" in stray and "existence" in stray
    missing = failure(EXISTENCE.replace('  tokens: [rn, tbh, "w/", "->"]\n', ""))
    assert "needs patterns or tokens" in missing


def test_bad_kinds_levels_settings_and_regexes_fail_by_name() -> None:
    assert "'kinds'" in failure(EXISTENCE + "  kinds: [connection_request]\n")
    assert "'severity'" in failure(EXISTENCE.replace("severity: warning", "severity: loud"))
    occurrence = EXISTENCE.replace("existence", "occurrence")
    assert "no setting named 'exclamation'" in failure(
        occurrence + "  limits: {warn_above: exclamation}\n"
    )
    broken = EXISTENCE.replace('tokens: [rn, tbh, "w/", "->"]', "patterns: ['(unclosed']")
    assert "'patterns'" in failure(broken) and "register.text_speak" in failure(broken)


def test_a_message_scope_script_cannot_run_across_messages() -> None:
    message = failure(
        """
- id: greet.across
  type: script
  script: greeting
  scope: across
  severity: warning
  description: d
  message: m
"""
    )
    assert "greet.across" in message and "no scope: across script named 'greeting'" in message


def test_tokens_match_whole_words_in_any_case_and_either_apostrophe() -> None:
    found = run(rule_file(EXISTENCE), "Born to code, TBH. Free rn w/ time -> now")
    assert [(f.start, f.end) for f in found] == [(14, 17), (24, 26), (27, 29), (35, 37)]
    assert [f.message for f in found][:2] == ["'TBH' is text-speak", "'rn' is text-speak"]
    assert run(rule_file(EXISTENCE), "Born in a barn, turned north") == []
    curly = rule_file(EXISTENCE.replace("tbh", '"i\'d like to add you"'))
    assert [f.start for f in run(curly, "Hi, I’d like to add you")] == [4]


def test_a_swap_offers_its_replacement_as_the_fix() -> None:
    swap = rule_file(
        """
- id: register.abbreviation
  type: substitution
  severity: warning
  description: Jotted abbreviations
  message: "Write '{replacement}' for '{match}'"
  swap: {yrs: years, mgmt: management}
"""
    )
    text = "Five yrs in mgmt, two YRS abroad"
    found = run(swap, text)
    assert [f.message for f in found][:1] == ["Write 'years' for 'yrs'"]
    assert apply_fixes(text, found) == "Five years in management, two years abroad"


def test_rules_sharing_a_phrase_each_find_it_in_the_one_pass() -> None:
    two = rule_file(EXISTENCE + EXISTENCE.replace("register.text_speak", "register.other"))
    assert {f.rule for f in run(two, "free rn")} == {"register.text_speak", "register.other"}


def test_the_cross_message_rule_is_declared_and_runs() -> None:
    distinct = next(r for r in rules() if r.id == "distinct.across")
    assert distinct.scope == "across"
    text = "Hi NAME, thank you for the talk about the Kafka migration at Acme Robotics."
    drafts = [
        ("Dana Lee", "connection_note", text.replace("NAME", "Dana")),
        ("Sam Ortiz", "connection_note", text.replace("NAME", "Sam")),
    ]
    found = [(i, f.rule) for i, f in check_across(drafts)]
    assert (1, "distinct.across") in found and all(i == 1 for i, _ in found)


def test_the_stamp_is_the_rule_files_checked_by_this_schema() -> None:
    """rules.checked.json lets `writer check` skip importing pydantic; a stale one would
    only slow the load, but CI should say to refresh it."""
    here = resources.files("writer.checker")
    files = rule_files()
    stamp = json.loads(here.joinpath("rules.checked.json").read_bytes())
    assert stamp["digest"] == digest(files), "run: python -m writer.checker.schema"
    strict = parse_rule_files({n: yaml.safe_load(d.decode("utf-8")) for n, d in files.items()})
    assert [r.to_json() for r in load_rules()] == [r.to_json() for r in strict]
    assert [(r.patterns, r.phrases, r.gate) for r in load_rules()] == [
        (r.patterns, r.phrases, r.gate) for r in strict
    ]


def test_the_stored_phrase_indexes_are_those_the_rules_build() -> None:
    """rules.index.marshal spares `writer check` building ~4,000 phrases at every start; a
    stale one is ignored (see below), but CI should say to refresh it."""
    stored = marshal.loads(resources.files("writer.checker").joinpath(INDEXES).read_bytes())
    fresh = built_indexes()
    assert stored["digest"] == fresh["digest"], "run: python -m writer.checker.schema"
    assert set(stored["kinds"]) == {kind.value for kind in KINDS}
    for kind in KINDS:
        on_file = marshal.loads(stored["kinds"][kind.value])
        assert on_file == marshal.loads(fresh["kinds"][kind.value]), kind


def test_a_stale_stored_index_is_built_afresh_and_finds_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Hi Dana, thx 4 the chat!! I'm sorry to bug you, are you hiring? at Acme at Acme"
    before = check(MessageKind.connection_note, text, to="Dana Lee").to_json()
    chosen = loading.rules_for("connection_note")
    stored = loading._stored_index("connection_note")
    assert stored is not None and isinstance(index_for(chosen, stored), RuleIndex)
    monkeypatch.setattr(loading, "_index_digest", lambda: "crc32:00000000:stale")
    loading._stored_indexes.cache_clear()
    loading._for_kind.cache_clear()
    try:
        assert loading._stored_index("connection_note") is None
        assert check(MessageKind.connection_note, text, to="Dana Lee").to_json() == before
        built = loading.phrase_index("connection_note")
        assert built.plain() == index_for(chosen, stored).plain()
    finally:
        monkeypatch.undo()
        loading._stored_indexes.cache_clear()
        loading._for_kind.cache_clear()


def test_the_stamp_names_kinds_by_the_kinds_tables_aliases() -> None:
    """The kinds' names are spelled out in writer/kinds.py alone (issue 12): the stamp keeps
    each kind by its alias and load resolves it back."""
    text = resources.files("writer.checker").joinpath("rules.checked.json").read_text("utf-8")
    assert not [kind for kind in KINDS if f'"{kind.value}"' in text]
    greeting = next(r for r in load_rules() if r.id == "greet.by_name")
    assert greeting.kinds == set(KINDS)


def test_an_id_used_in_two_rule_files_is_refused() -> None:
    entry = {
        "id": "tone.twice",
        "type": "existence",
        "severity": "warning",
        "tokens": ["x"],
        "description": "twice",
        "message": "twice",
        "suggestion": "once",
    }
    with pytest.raises(RuleError, match=r"b.yaml: rule tone.twice: .*already used in a.yaml"):
        parse_rule_files({"a.yaml": [entry], "b.yaml": [entry]})


def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(body, "utf-8")
    monkeypatch.setenv("WRITER_CONFIG", str(path))


def rules_json(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["rules", "--json"]) == 0
    return {r["id"]: r for r in json.loads(capsys.readouterr().out)}


TELL = "Hi Dana, thank you for the talk; I will delve into Kafka."


def test_a_user_can_switch_a_rule_off_or_raise_its_level(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = notes_from()
    assert "ai.tells" in {
        f.rule for f in check(MessageKind.connection_note, TELL, to="Dana Lee").findings
    }
    config(tmp_path, monkeypatch, '[rules]\n"ai.tells" = "off"\n"tone.flattery" = "error"\n')
    listed = rules_json(capsys)
    assert listed["ai.tells"]["severity"] == "off"
    assert listed["tone.flattery"]["severity"] == "error"
    assert listed["pushy"]["severity"] == {"default": "warning", "connection_note": "error"}
    assert main(["rules"]) == 0
    assert "ai.tells  [off]" in capsys.readouterr().out
    report = check(MessageKind.connection_note, TELL, to="Dana Lee", notes=notes)
    assert "ai.tells" not in {f.rule for f in report.findings}
    praise = "Hi Dana, thank you for the amazing, incredible talk about Kafka."
    flattery = [
        f for f in check(MessageKind.connection_note, praise).findings if f.rule == "tone.flattery"
    ]
    assert [f.severity for f in flattery] == ["error"]


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ('[rules]\n"ai.tells" = "of"\n', "'ai.tells' = 'of': use one of off, warning, error"),
        ('[rules]\n"ai.tell" = "off"\n', "'ai.tell': no checker rule has that id"),
        ('rules = "off"\n', "[rules] must be a table"),
    ],
)
def test_a_bad_rules_table_is_a_clear_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    body: str,
    said: str,
) -> None:
    config(tmp_path, monkeypatch, body)
    assert main(["check", TELL, "--kind", "connection_note", "--to", "Dana Lee"]) == 2
    err = capsys.readouterr().err
    assert said in err and "config.toml" in err and "Traceback" not in err
