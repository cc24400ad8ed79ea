"""How well the checker tells a good post-interview message from a bad one, on real-world
samples quoted from career-advice pages (tests/data/corpus/messages.yaml).

For the tune part and the holdout part separately, per rule and overall: the false-alarm
rate on good messages (any error finding), the share of bad messages whose problem a
finding names, and the share of raw templates flagged. Each message is checked the way
`writer check` checks it: `check_text(kind, text, to=...)`, with a `Subject:` line when
the source gives one.

    python benchmarks/corpus.py [--misses] [--json] [--split tune|holdout] [--corpus PATH]

`--split tune` prints the tune part alone (figures and misses), so that rules can be
worked on without reading the holdout's texts or misses.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from writer.checker import CONTEXTS as CHECK_CONTEXTS
from writer.checker import check_text
from writer.checker.engine import ERROR, WARNING, Finding
from writer.kinds import KINDS, MessageKind

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus" / "messages.yaml"
LABELS = ("good", "bad")
SPLITS = ("tune", "holdout")
REQUIRED = ("id", "kind", "label", "source", "split", "text")
CONTEXTS = ("after_interview", "cold", "reply", "after_rejection", "after_application")
OPTIONAL = (
    "context",
    "problems",
    "raw",
    "filled",
    "fragment",
    "truncated",
    "note",
    "to",
    "company",
    "role",
    "subject",
)
# A fragment is one sentence of a message: rules that judge the parts it leaves out
# (greeting, thanks, subject, a topic, length, anything specific) say nothing about the
# sentence itself; nor does a message with no capital letter anywhere, when the sentence is
# quoted from the middle of one ('review your profile for any open positions').
FRAGMENT_EXEMPT = (
    "greet.",
    "subject.",
    "gratitude.",
    "specific.",
    "grounded.",
    "length.",
    "generic.nothing_specific",
    "grammar.all_lower",
)


class CorpusError(ValueError):
    """The corpus file does not follow its schema; the message lists every problem."""


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    label: str
    source: str
    split: str
    text: str
    problems: tuple[str, ...] = ()
    context: str = "after_interview"
    raw: bool = False
    filled: str | None = None
    fragment: bool = False
    to: str | None = None
    subject: str | None = None

    @property
    def message(self) -> str:
        """The text to judge as a message: the filled copy of a template, else the text."""
        return self.filled if self.raw and self.filled is not None else self.text


@dataclass(frozen=True)
class Corpus:
    entries: tuple[Entry, ...]
    problem_rules: dict[str, tuple[str, ...]]


@dataclass
class Score:
    """One entry's verdict. `None` where a measure does not apply to the entry."""

    entry: Entry
    findings: list[Finding]
    raw_findings: list[Finding] = field(default_factory=list)
    false_alarm: bool | None = None  # good: an error finding
    warned: bool | None = None  # good: a warning finding
    named: bool | None = None  # bad: a finding names one of the problems the source names
    flagged: bool | None = None  # bad: an error finding
    raw_flagged: bool | None = None  # raw template: an error finding
    naming_rules: tuple[str, ...] = ()


def validate(data: Any) -> list[str]:
    """Every way `data` (the parsed corpus file) breaks the schema, as readable lines."""
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        return ["the file needs a `problem_rules` mapping and a `messages` list"]
    rules = data.get("problem_rules")
    if not isinstance(rules, dict) or not all(
        isinstance(v, list) and v and all(isinstance(p, str) for p in v) for v in rules.values()
    ):
        return ["`problem_rules` maps each problem to a non-empty list of rule ids or prefixes"]
    errors: list[str] = []
    seen: set[str] = set()
    for index, item in enumerate(data["messages"]):
        where = f"messages[{index}]"
        if not isinstance(item, dict):
            errors.append(f"{where}: not a mapping")
            continue
        where = f"{where} ({item.get('id', 'no id')})"
        errors += [f"{where}: {line}" for line in _entry_errors(item, set(rules))]
        if item.get("id") in seen:
            errors.append(f"{where}: id used twice")
        seen.add(str(item.get("id")))
    return errors


def _entry_errors(item: dict[str, Any], vocabulary: set[str]) -> Iterable[str]:
    for key in REQUIRED:
        if not isinstance(item.get(key), str) or not item[key].strip():
            yield f"`{key}` is missing or empty"
    for key in set(item) - set(REQUIRED) - set(OPTIONAL):
        yield f"unknown field `{key}`"
    if item.get("kind") not in KINDS:
        yield f"kind {item.get('kind')!r} is not one of {', '.join(KINDS)}"
    if item.get("label") not in LABELS:
        yield f"label {item.get('label')!r} is not good or bad"
    if item.get("split") not in SPLITS:
        yield f"split {item.get('split')!r} is not tune or holdout"
    if item.get("context", CONTEXTS[0]) not in CONTEXTS:
        yield f"context {item.get('context')!r} is not one of {', '.join(CONTEXTS)}"
    if not str(item.get("source", "")).startswith(("http://", "https://")):
        yield "source is not a web address"
    problems = item.get("problems", [])
    if item.get("label") == "bad" and not problems:
        yield "a bad message needs the `problems` its source names"
    if item.get("label") == "good" and problems:
        yield "a good message has no `problems`"
    for problem in problems if isinstance(problems, list) else [problems]:
        if problem not in vocabulary:
            yield f"problem {problem!r} is not in `problem_rules`"
    if bool(item.get("raw")) != ("filled" in item):
        yield "a template (`raw: true`) needs a `filled` copy, and only a template has one"


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: Path = CORPUS) -> Corpus:
    """The corpus at `path`, checked against its schema."""
    try:
        # libyaml's loader if PyYAML has it: five times faster on the corpus, read often
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise CorpusError(f"{path}: cannot read the corpus: {error}") from None
    errors = validate(data)
    if errors:
        raise CorpusError(f"{path}:\n  " + "\n  ".join(errors))
    entries = tuple(
        Entry(
            id=item["id"],
            kind=item["kind"],
            label=item["label"],
            source=item["source"],
            split=item["split"],
            text=item["text"],
            problems=tuple(item.get("problems", ())),
            context=item.get("context", CONTEXTS[0]),
            raw=bool(item.get("raw")),
            filled=item.get("filled"),
            fragment=bool(item.get("fragment")),
            to=item.get("to"),
            subject=item.get("subject"),
        )
        for item in data["messages"]
    )
    rules = {k: tuple(v) for k, v in data["problem_rules"].items()}
    return Corpus(entries=entries, problem_rules=rules)


def names(rule: str, patterns: Iterable[str]) -> bool:
    """Whether rule id `rule` is one of `patterns`: an id, or a prefix ending in '.'."""
    return any(rule == p or rule.startswith(p if p.endswith(".") else p + ".") for p in patterns)


def check_message(entry: Entry, text: str) -> list[Finding]:
    """The checker's findings on `text`, checked as `writer check` would check it: with
    `--context` where the entry's context is one a user can pass."""
    pasted = f"Subject: {entry.subject}\n{text}" if entry.subject else text
    context = entry.context if entry.context in CHECK_CONTEXTS else CHECK_CONTEXTS[0]
    return check_text(MessageKind(entry.kind), pasted, to=entry.to, context=context).findings


def score(
    entry: Entry,
    findings: Sequence[Finding],
    problem_rules: dict[str, tuple[str, ...]],
    raw_findings: Sequence[Finding] = (),
) -> Score:
    """Judge the checker's findings on one entry against the source's verdict."""
    counted = [f for f in findings if not (entry.fragment and f.rule.startswith(FRAGMENT_EXEMPT))]
    result = Score(entry=entry, findings=list(findings), raw_findings=list(raw_findings))
    if entry.label == "good":
        result.false_alarm = any(f.severity == ERROR for f in counted)
        result.warned = any(f.severity == WARNING for f in counted)
    else:
        patterns = [p for problem in entry.problems for p in problem_rules[problem]]
        naming = sorted({f.rule for f in findings if names(f.rule, patterns)})
        result.named, result.naming_rules = bool(naming), tuple(naming)
        result.flagged = any(f.severity == ERROR for f in findings)
    if entry.raw:
        result.raw_flagged = any(f.severity == ERROR for f in raw_findings)
    return result


def run(corpus: Corpus) -> list[Score]:
    scores = []
    for entry in corpus.entries:
        raw = check_message(entry, entry.text) if entry.raw else []
        scores.append(score(entry, check_message(entry, entry.message), corpus.problem_rules, raw))
    return scores


def _share(hits: int, total: int) -> dict[str, Any]:
    return {"n": total, "hits": hits, "pct": round(100 * hits / total, 1) if total else None}


def _shares(scores: Sequence[Score]) -> dict[str, Any]:
    good = [s for s in scores if s.entry.label == "good"]
    bad = [s for s in scores if s.entry.label == "bad"]
    raw = [s for s in scores if s.entry.raw]
    return {
        "false_alarms": _share(sum(bool(s.false_alarm) for s in good), len(good)),
        "warned_good": _share(sum(bool(s.warned) for s in good), len(good)),
        "bad_named": _share(sum(bool(s.named) for s in bad), len(bad)),
        "bad_flagged": _share(sum(bool(s.flagged) for s in bad), len(bad)),
        "raw_flagged": _share(sum(bool(s.raw_flagged) for s in raw), len(raw)),
    }


def summarize(scores: Sequence[Score]) -> dict[str, Any]:
    """Figures for one part of the corpus: the shares for messages sent after an interview
    (the headline) and for every context, then per kind, per problem and per rule."""
    problems: dict[str, list[int]] = {}
    for s in scores:
        for problem in s.entry.problems:
            tally = problems.setdefault(problem, [0, 0])
            tally[0] += 1
            tally[1] += bool(s.named)
    return {
        "messages": len(scores),
        "after_interview": _shares([s for s in scores if s.entry.context == CONTEXTS[0]]),
        "every_context": _shares(scores),
        "kinds": {k: _shares([s for s in scores if s.entry.kind == k]) for k in KINDS},
        "problems": {p: _share(named, n) for p, (n, named) in sorted(problems.items())},
        "rules": _per_rule(scores),
    }


def _per_rule(scores: Sequence[Score]) -> dict[str, dict[str, int]]:
    """For each rule: good messages it raises an error / a warning on, bad messages it fires
    on and names the problem of, raw templates it flags with an error."""
    table: dict[str, Counter[str]] = {}

    def bump(rules: Iterable[str], column: str) -> None:
        for rule in set(rules):
            table.setdefault(rule, Counter())[column] += 1

    for s in scores:
        exempt = s.entry.fragment
        counted = [f for f in s.findings if not (exempt and f.rule.startswith(FRAGMENT_EXEMPT))]
        if s.entry.label == "good":
            bump((f.rule for f in counted if f.severity == ERROR), "good_errors")
            bump((f.rule for f in counted if f.severity == WARNING), "good_warnings")
        else:
            bump((f.rule for f in s.findings), "bad_fires")
            bump(s.naming_rules, "bad_names")
        bump((f.rule for f in s.raw_findings if f.severity == ERROR), "raw_flags")
    columns = ("good_errors", "good_warnings", "bad_fires", "bad_names", "raw_flags")
    return {rule: {c: counts[c] for c in columns} for rule, counts in sorted(table.items())}


def misses(scores: Sequence[Score]) -> list[dict[str, Any]]:
    """Bad messages whose problem no finding names, good messages with an error finding,
    and raw templates passed without an error."""
    out = []
    for s in scores:
        kind = (
            "unnamed"
            if s.named is False
            else "false_alarm"
            if s.false_alarm
            else "raw_passed"
            if s.raw_flagged is False
            else None
        )
        if kind is None:
            continue
        shown = s.raw_findings if kind == "raw_passed" else s.findings
        out.append(
            {
                "miss": kind,
                "id": s.entry.id,
                "split": s.entry.split,
                "kind": s.entry.kind,
                "context": s.entry.context,
                "problems": list(s.entry.problems),
                "text": s.entry.text if kind == "raw_passed" else s.entry.message,
                "findings": [f"{f.severity} {f.rule}: {f.message}" for f in shown],
            }
        )
    return out


def report(scores: Sequence[Score], only: str | None = None) -> dict[str, Any]:
    """Figures per part and for all; with `only`, for that part alone."""
    splits = (only,) if only else SPLITS
    parts = {split: [s for s in scores if s.entry.split == split] for split in splits}
    figures = {split: summarize(part) for split, part in parts.items()}
    return figures if only else figures | {"all": summarize(scores)}


def _line(label: str, share: dict[str, Any]) -> str:
    pct = "  n/a" if share["pct"] is None else f"{share['pct']:5.1f}%"
    return f"  {label:<44} {pct}  ({share['hits']}/{share['n']})"


_LINES = (
    ("false_alarms", "false alarms on good (any error)"),
    ("warned_good", "good with a warning"),
    ("bad_named", "bad with its problem named"),
    ("bad_flagged", "bad with any error"),
    ("raw_flagged", "raw templates flagged (any error)"),
)


def render(figures: dict[str, Any]) -> str:
    lines = []
    for part in figures:
        f = figures[part]
        lines.append(f"== {part} ({f['messages']} messages)")
        for scope in ("after_interview", "every_context"):
            lines.append(f"  {scope.replace('_', ' ')}:")
            lines += [_line(label, f[scope][key]) for key, label in _LINES]
        lines.append("  per kind, every context (false alarms / bad named / raw flagged):")
        lines += [
            f"    {kind:<22} {_brief(s['false_alarms'])}  {_brief(s['bad_named'])}  "
            f"{_brief(s['raw_flagged'])}"
            for kind, s in f["kinds"].items()
        ]
        lines.append("  per problem (bad messages named / with that problem):")
        lines += [f"    {p:<22} {s['hits']}/{s['n']}" for p, s in f["problems"].items()]
        lines.append("  per rule: good-errors good-warnings bad-fires bad-names raw-flags")
        lines += [
            f"    {rule:<26} {c['good_errors']:>4} {c['good_warnings']:>4} "
            f"{c['bad_fires']:>4} {c['bad_names']:>4} {c['raw_flags']:>4}"
            for rule, c in f["rules"].items()
        ]
    return "\n".join(lines)


def _brief(share: dict[str, Any]) -> str:
    return f"{share['hits']:>2}/{share['n']:<2}"


def render_misses(items: Sequence[dict[str, Any]]) -> str:
    lines = []
    for item in items:
        problems = f" [{', '.join(item['problems'])}]" if item["problems"] else ""
        where = f"{item['split']}, {item['kind']}, {item['context']}"
        lines.append(f"-- {item['miss']} {item['id']} ({where}){problems}")
        lines += ["   | " + line for line in item["text"].splitlines()]
        lines += [f"   > {finding}" for finding in item["findings"]] or ["   > no findings"]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list misses and false alarms")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus file")
    parser.add_argument("--split", choices=SPLITS, help="this part alone (figures and misses)")
    args = parser.parse_args(argv)
    try:
        corpus = load(args.corpus)
    except CorpusError as error:
        print(error, file=sys.stderr)
        return 2
    if args.split:
        corpus = Corpus(
            entries=tuple(e for e in corpus.entries if e.split == args.split),
            problem_rules=corpus.problem_rules,
        )
    scores = run(corpus)
    figures = report(scores, args.split)
    if args.json:
        out = figures | ({"misses": misses(scores)} if args.misses else {})
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(render(figures))
    if args.misses:
        print("\n" + render_misses(misses(scores)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
