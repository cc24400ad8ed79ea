"""`writer eval`: scores, reports, and the regression gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import RECORDED_BASE_URL, RECORDED_MODEL, ROOT
from writer.backends import OfflineBackend
from writer.backends.base import Proposal
from writer.backends.offline import composer
from writer.backends.openai import OpenAIBackend
from writer.cli import main
from writer.config import Settings
from writer.evals import evaluate, regressions, rouge_l

GOLDEN = ROOT / "evals" / "golden"
BASELINE = ROOT / "evals" / "baseline-offline.json"


def test_rouge_l() -> None:
    assert rouge_l("thank you for the talk", "thank you for the talk") == 1.0
    assert rouge_l("", "anything") == 0.0
    assert 0 < rouge_l("thanks for the Kafka talk", "thank you for the talk about Kafka") < 1


def test_offline_eval_meets_its_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(GOLDEN), "--baseline", str(BASELINE), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["cases"] >= 40 and result["metrics"]["clean_share"] == 1.0
    assert result["metrics"]["plan_accuracy"] == 1.0


def test_a_worse_composer_fails_the_gate(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def generic(ctx: composer.Context, limit: int) -> list[Proposal]:
        text = f"{ctx.hi}, thank you for your time. I'd like to add you to my professional network."
        return [Proposal(text=text)]

    monkeypatch.setattr(composer, "connection_notes", generic)
    assert main(["eval", str(GOLDEN), "--baseline", str(BASELINE)]) == 1
    err = capsys.readouterr().err
    assert "regression: clean_share fell" in err
    assert "regression: topic_coverage fell" in err


def test_regressions_respect_the_tolerance() -> None:
    base = {"metrics": {"clean_share": 0.9, "mean_attempts": 1.0}}
    assert regressions({"metrics": {"clean_share": 0.89, "mean_attempts": 1.0}}, base) == []
    assert regressions({"metrics": {"clean_share": 0.8, "mean_attempts": 1.5}}, base) == [
        "clean_share fell from 0.9 to 0.8 (tolerance 0.02)",
        "mean_attempts rose from 1.0 to 1.5",
    ]


def test_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page, notes = tmp_path / "eval.html", tmp_path / "eval.md"
    assert main(["eval", str(GOLDEN), "--report", str(page), "--limit", "5"]) == 0
    assert main(["eval", str(GOLDEN), "--report", str(notes), "--limit", "5"]) == 0
    text = page.read_text()
    assert text.startswith("<!doctype html>") and "<svg" in text and "<script" not in text
    assert "Worst cases, beside their references" in text
    assert "## Worst cases" in notes.read_text()


def test_compare_two_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = json.loads(BASELINE.read_text())
    other["backend"], other["metrics"]["clean_share"] = "openai", 0.1
    (tmp_path / "b.json").write_text(json.dumps(other))
    assert main(["eval", "--compare", str(BASELINE), str(tmp_path / "b.json")]) == 0
    out = capsys.readouterr().out
    assert "offline" in out and "openai" in out and "0.1" in out


def test_eval_of_the_tiny_model_scores_well_below_the_composer(cassette: Any) -> None:
    settings = Settings(
        base_url=RECORDED_BASE_URL,
        model=RECORDED_MODEL,
        api_key="sk-test",
        max_retries=0,
        timeout=600,
    )
    model = evaluate(GOLDEN, OpenAIBackend(settings), limit=4)["metrics"]
    offline = evaluate(GOLDEN, OfflineBackend(), limit=4)["metrics"]
    assert model["clean_share"] < offline["clean_share"] - 0.5
    assert model["reference_rouge_l"] < offline["reference_rouge_l"]
    assert model["mean_attempts"] > offline["mean_attempts"]


def test_a_rerun_is_answered_from_the_cache(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.flaky_server import flaky_server

    with flaky_server() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("WRITER_MAX_RETRIES", "0")
        args = ["eval", str(GOLDEN), "--backend", "openai", "--limit", "2", "--json"]
        main(args)
        first = json.loads(capsys.readouterr().out)
        asked = len(server.seen)
        main(args)
        second = json.loads(capsys.readouterr().out)
        assert asked > 0 and len(server.seen) == asked, "the rerun asked nothing"
        assert second["metrics"] == first["metrics"]
        main([*args, "--no-cache"])
        capsys.readouterr()
        assert len(server.seen) > asked
