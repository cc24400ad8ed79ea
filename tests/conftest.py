"""Fixtures: every test isolated from the developer's settings, and recorded HTTP. The
builders they share are in tests/helpers.py."""

from __future__ import annotations

import copy
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


def _cache_bytecode_outside_the_tree() -> None:
    """Under PYTHONDONTWRITEBYTECODE (set on the project's shared machine, to keep
    __pycache__ out of the checkouts) every pytest worker, and every `python -m writer` a
    test starts, compiled the package and the test modules again: about a third of a short
    command's CPU. The run keeps the tree clean and caches the bytecode in a folder of the
    system's temporary directory instead; the workers and the commands the tests start
    inherit it through the environment. Runs before anything of writer's is imported."""
    if not sys.dont_write_bytecode or sys.pycache_prefix is not None:
        return
    user = getattr(os, "getuid", lambda: "")()
    prefix = str(Path(tempfile.gettempdir()) / f"writer-tests-pycache-{user}")
    sys.dont_write_bytecode = False
    sys.pycache_prefix = prefix
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = prefix


_cache_bytecode_outside_the_tree()

# Re-exported so tests written against the old home of the builders still import them; new
# tests import from tests.helpers.
from tests.helpers import (  # noqa: E402  (after the bytecode cache is set up)
    BASE,
    CASSETTES,
    END,
    EVENING,
    EXAMPLES,
    RECORDED_BASE_URL,
    RECORDED_MODEL,
    ROOT,
    SECRET_HEADERS,
    notes_from,
    scrub_response,
)

__all__ = ["BASE", "END", "EVENING", "EXAMPLES", "RECORDED_BASE_URL", "RECORDED_MODEL", "ROOT"]
__all__ += ["notes_from"]


@pytest.fixture(scope="session")
def absent_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One config path, never created, for every test of a worker. The checker keeps its
    phrase indexes per `WRITER_CONFIG` value (a quarter of a second of CPU per message kind
    to build): a fresh path per test rebuilt them in nearly every checker test, about half
    of the suite's CPU outside the app."""
    return tmp_path_factory.mktemp("settings") / "no-config.toml"


@pytest.fixture(autouse=True)
def isolated_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, absent_config: Path
) -> Iterator[None]:
    """No test sees the developer's keys, endpoints, config file or data dir."""
    for name in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "WRITER_API_KEY",
        "WRITER_BASE_URL",
        "WRITER_BACKEND",
        "WRITER_MODEL",
        "WRITER_OFFLINE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WRITER_CONFIG", str(absent_config))
    monkeypatch.setenv("WRITER_HOME", str(tmp_path / "writer-home"))
    yield
    # Shared, so a test that wrote it would change what the tests after it see: removed,
    # and that test fails.
    written = absent_config.exists()
    absent_config.unlink(missing_ok=True)
    assert not written, (
        f"a test wrote the shared config path {absent_config}: give it its own "
        "(monkeypatch.setenv('WRITER_CONFIG', str(tmp_path / 'config.toml')))"
    )


@pytest.fixture
def base_data() -> dict[str, Any]:
    return copy.deepcopy(BASE)


@pytest.fixture
def cassette(request: pytest.FixtureRequest) -> Any:
    """Replay (or, with WRITER_RECORD=1, record) this test's cassette."""
    import vcr

    module = request.node.module.__name__.rsplit(".", 1)[-1]
    recorder = vcr.VCR(
        cassette_library_dir=str(CASSETTES / module),
        record_mode="all" if os.environ.get("WRITER_RECORD") == "1" else "none",
        filter_headers=SECRET_HEADERS,
        before_record_response=scrub_response,
        match_on=["method", "scheme", "host", "port", "path"],
        decode_compressed_response=True,
    )
    with recorder.use_cassette(f"{request.node.name}.yaml") as recorded:
        yield recorded
