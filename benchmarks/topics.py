"""Figures for the topic stage: cost per interviewer, and whether a tagger beats the hand
rules at telling a clause from a noun phrase. Prints JSON; run `python benchmarks/topics.py`.

The TextBlob figures appear only when `textblob` is importable (it is not a dependency:
`pip install textblob` in a scratch virtualenv, then run this with it on PYTHONPATH and the
network blocked, e.g. `unshare -n python benchmarks/topics.py`)."""

from __future__ import annotations

import importlib
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

import writer.topics.fragments as rules
from writer.loader import load_notes
from writer.notes import Interviewer
from writer.topics import analyse, topics_for
from writer.topics.fragments import LeftOut
from writer.topics.text import Piece, normalise

ROOT = Path(__file__).resolve().parent.parent

# Fragments jotted the way candidates jot, written for this benchmark and not tuned
# against: (fragment, expected kind or left-out reason, is it a whole clause?).
LABELLED: list[tuple[str, str, bool]] = [
    ("the shift from monolith to microservices", "subject", False),
    ("sso rollout for the partner portal", "subject", False),
    ("batch scoring moving to streaming", "subject", False),
    ("how the squads split ownership of the api", "subject", False),
    ("rebuilding the search index nightly", "subject", False),
    ("what good looks like in the first 90 days", "subject", False),
    ("cost of running spark on emr", "subject", False),
    ("terraform modules for every env", "subject", False),
    ("feature flags + trunk based dev", "subject", False),
    ("accessibility audit of the checkout flow", "subject", False),
    ("new grad rotation programme", "subject", False),
    ("the team ships to prod twice a day", "view", True),
    ("most incidents come from config changes", "view", True),
    ("she said the roadmap is set by the pms", "view", True),
    ("he thinks graphql was a mistake for them", "view", True),
    ("they believe every eng should do support", "view", True),
    ("his view on code ownership", "view", False),
    ("their approach to hiring juniors", "view", False),
    ("she feels the product lacks focus", "view", True),
    ("releases never go out on fridays", "view", True),
    ("we both did a masters in Delft", "common_ground", True),
    ("both love bouldering", "common_ground", True),
    ("we grew up in the same town", "common_ground", True),
    ("same first job at a bank", "common_ground", False),
    ("my capstone on route planning", "own", False),
    ("i led the migration at my current job", "own", True),
    ("i built a queue in rust for fun", "own", True),
    ("my answer on caching", "own", False),
    ("offers usually go out within 2 wks", "logistics", True),
    ("next round is a system design panel", "logistics", True),
    ("start date flexible", "logistics", False),
    ("decision by end of month", "logistics", False),
    ("her toddler is starting nursery", "personal", True),
    ("his wife works at Google", "personal", True),
    ("needs a work permit renewal", "private", False),
    ("range is 70-80k", "private", True),
    ("she mentioned her chemo", "private", True),
    ("he goes to mass every sunday lol, church choir", "private", True),
    ("he's 60 and retiring soon", "private", True),
    ("the codebase looked ancient tbh", "negative", True),
    ("their process is chaotic", "negative", True),
    ("(she seemed rushed)", "negative", True),
    ("i forgot what a b-tree was", "self-critical", True),
    ("i totally fumbled the estimate", "self-critical", True),
    ("Priya from sales is leaving", "about someone else", True),
    ("the other candidates are internal", "about someone else", True),
    ("(wouldn't say)", "an aside", True),
    ("ugh", "an aside", False),
    ("lol same", "an aside", False),
    ("ask about equity later?", "a question to yourself", True),
]

# Written after the rules were last changed, and never tuned against.
HELD_OUT: list[tuple[str, str, bool]] = [
    ("zero-downtime schema migrations", "subject", False),
    ("pricing experiments on the mobile app", "subject", False),
    ("how design reviews work across 3 time zones", "subject", False),
    ("replacing cron w/ airflow", "subject", False),
    ("the vendor contract for fraud scoring", "subject", False),
    ("on-call load since the reorg", "subject", False),
    ("she said most of the team is remote", "view", True),
    ("he thinks the hard part is data contracts", "view", True),
    ("they expect the platform to be self-serve by q3", "view", True),
    ("her take on build vs buy", "view", False),
    ("tests run on every merge", "view", True),
    ("we both started out in QA", "common_ground", True),
    ("we're both from Lagos", "common_ground", True),
    ("my thesis on anomaly detection", "own", False),
    ("i shipped the payments revamp last yr", "own", True),
    ("recruiter sends feedback by fri", "logistics", True),
    ("take-home due monday", "logistics", False),
    ("her husband is a nurse", "personal", True),
    ("asked if i need sponsorship", "private", True),
    ("his back surgery last month", "private", False),
    ("their docs are a nightmare", "negative", True),
    ("i went blank on recursion", "self-critical", True),
    ("Sam from infra quit last week", "about someone else", True),
    ("haha", "an aside", False),
]


def _kind(result: object) -> str:
    return result.reason if isinstance(result, LeftOut) else result.kind.value  # type: ignore[attr-defined]


def _accuracy(
    clause_test: Callable[[list[str]], bool], cases: list[tuple[str, str, bool]]
) -> dict[str, float]:
    """Kind and clause accuracy on `cases` with `clause_test` in the classifier's place."""
    saved = rules._is_clause
    rules._is_clause = clause_test  # type: ignore[assignment]
    try:
        kinds = clauses = 0
        for text, kind, clause in cases:
            bracketed = text.startswith("(")
            piece = Piece(text.strip("()"), bracketed)
            kinds += _kind(rules.classify(piece, frozenset())) == kind
            clauses += clause_test(normalise(text.strip("()")).split()) == clause
    finally:
        rules._is_clause = saved
    n = len(cases)
    return {"kind_accuracy": round(kinds / n, 3), "clause_accuracy": round(clauses / n, 3)}


def _people(path: Path) -> list[Interviewer]:
    return list(load_notes(path).interviewers)


def _per_interviewer_ms() -> dict[str, float]:
    people = [p for path in sorted((ROOT / "examples").glob("*.yaml")) for p in _people(path)]
    for path in sorted((ROOT / "evals/golden").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text("utf-8")):
            people += [Interviewer(**p) for p in case["notes"]["interviewers"]]
    rounds = []
    for _ in range(5):
        analyse.cache_clear()
        start = time.perf_counter()
        for person in people:
            topics_for(person)
        rounds.append((time.perf_counter() - start) / len(people) * 1000)
    messy = [Piece(text, False) for text, _, _ in LABELLED]
    start = time.perf_counter()
    for _ in range(20):
        for piece in messy:
            rules.classify(piece, frozenset())
    per_fragment = (time.perf_counter() - start) / (20 * len(messy)) * 1000
    return {
        "interviewers": len(people),
        "ms_per_interviewer_best": round(min(rounds), 3),
        "ms_per_messy_fragment": round(per_fragment, 3),
        "ms_per_4_fragment_interviewer": round(per_fragment * 4, 3),
    }


def _import_ms(module: str, after: str = "json") -> float:
    """Cold import time of `module` in a fresh interpreter, once `after` is imported (the
    drafting path has already paid for writer.notes and pydantic)."""
    code = (
        f"import time, {after}; t = time.perf_counter(); import {module}; "
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return round(float(out.stdout) * 1000, 1)


def _textblob() -> dict[str, object]:
    try:
        taggers = importlib.import_module("textblob.taggers")
    except ImportError:
        return {"skipped": "textblob is not installed"}
    tagger = taggers.PatternTagger()
    start = time.perf_counter()
    tagger.tag("warm up the lexicon")
    first_call_ms = (time.perf_counter() - start) * 1000

    def clause(words: list[str]) -> bool:
        tags = [tag for _, tag in tagger.tag(" ".join(words))] if words else []
        if not tags or tags[0] in ("WRB", "WP") or tags[0] == "VBG":
            return False
        if tags[0] == "PRP" and len(tags) > 1:
            return True
        return any(t in ("VBZ", "VBP", "VBD", "MD") for t in tags[1:])

    start = time.perf_counter()
    for text, _, _ in LABELLED:
        clause(text.split())
    per_call_ms = (time.perf_counter() - start) / len(LABELLED) * 1000
    return {
        "import_ms": _import_ms("textblob.taggers"),
        "first_call_ms": round(first_call_ms, 1),
        "ms_per_fragment": round(per_call_ms, 3),
        "labelled": _accuracy(clause, LABELLED),
        "held_out": _accuracy(clause, HELD_OUT),
    }


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _draft_figures(path: Path, runs: int = 5) -> dict[str, object]:
    """`writer draft` wall time on a notes file, and what the topic stage adds cold
    (import and all of the file's interviewers, in a fresh interpreter). CPU seconds are
    given too: on a shared machine they move less with the load than wall time does."""
    walls, cpus = [], []
    for _ in range(runs):
        before = _children_cpu()
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "writer", "draft", "--offline", str(path)],
            capture_output=True,
            check=True,
        )
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - before)
    code = (
        "import time, sys; from writer.loader import load_notes; "
        "notes = load_notes(sys.argv[1]); t = time.process_time(); "
        "from writer.topics import topics_for; "
        "[topics_for(p) for p in notes.interviewers]; print(time.process_time() - t)"
    )
    stage = [
        float(
            subprocess.run(
                [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return {
        "file": path.name,
        "interviewers": len(load_notes(path).interviewers),
        "draft_s_median": round(sorted(walls)[runs // 2], 3),
        "draft_s_best": round(min(walls), 3),
        "draft_cpu_s_median": round(sorted(cpus)[runs // 2], 3),
        "topic_stage_cold_cpu_ms_median": round(sorted(stage)[runs // 2] * 1000, 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    figures = {
        "fragments": {"labelled": len(LABELLED), "held_out": len(HELD_OUT)},
        "rules": {
            "import_ms": _import_ms("writer.topics", after="writer.notes"),
            "labelled": _accuracy(rules._is_clause, LABELLED),
            "held_out": _accuracy(rules._is_clause, HELD_OUT),
        },
        "cost": _per_interviewer_ms(),
        "textblob_pattern_tagger": _textblob(),
        "draft": _draft_figures(ROOT / "examples" / "northwind-formal-bank.yaml"),
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
