"""Batch figures. Prints JSON; run `python benchmarks/batch.py`.

1. Concurrency: 300 drafts against a loopback OpenAI-compatible server that answers after
   200 ms, at concurrency 16; the ratio of the wall time to the ideal
   (drafts × latency ÷ concurrency). Goal: within 15 % (ratio ≤ 1.15). Measured twice:
   first in a cold process (first-use costs, such as the SDK's lazy imports, inside the
   timed run), then warm (as in a long batch, where those one-time costs are spread thin).
2. Scale offline: 1,000 generated notes files (3 interviewers each) through `writer batch`
   in a child process: drafts per second and the child's peak memory. For 1,000 against
   10,000 files and against older revisions, see benchmarks/batch_scale.py.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.generated import notes_data, write_notes  # noqa: E402
from writer.backends.openai import OpenAIBackend  # noqa: E402
from writer.backends.openai.tokens import counter_for  # noqa: E402
from writer.batch import Batch  # noqa: E402
from writer.config import Settings  # noqa: E402

LATENCY, DRAFTS, CONCURRENCY = 0.2, 300, 16
NOW = datetime.fromisoformat("2026-11-21T09:00:00-05:00")


class SlowHandler(BaseHTTPRequestHandler):
    """Answers every request after LATENCY, as a real server would: keep-alive (HTTP/1.1)
    and TCP_NODELAY. Python's default handler has neither, and Nagle's algorithm then holds
    the body back until the client's delayed ACK, up to 40 ms after the headers: the
    endpoint would answer after 200-240 ms, not 200 ms."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        time.sleep(LATENCY)
        body = json.dumps(
            {
                "id": "x",
                "object": "chat.completion",
                "created": 0,
                "model": "slow",
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {
                            "role": "assistant",
                            "content": "Subject: Thank you\n\nHi, thanks.",
                        },
                    }
                ],
                "usage": {"prompt_tokens": 10, "completion_tokens": 5},
            }
        ).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 128  # the default backlog of 5 drops connections at concurrency 16


def _serve(ports: Any) -> None:
    server = Server(("127.0.0.1", 0), SlowHandler)
    server.daemon_threads = True
    ports.put(server.server_address[1])
    server.serve_forever()


def concurrency_ratio(warm: bool = True) -> dict[str, float]:
    """The server runs in its own process, so its threads do not compete with the batch for
    the interpreter lock. `warm`: the SDK's imports and a token encoding are loaded before
    timing (a few tenths of a second once per process, whatever the batch size)."""
    ports: Any = multiprocessing.Queue()
    process = multiprocessing.Process(target=_serve, args=(ports,), daemon=True)
    process.start()
    port = ports.get(timeout=10)
    try:
        with tempfile.TemporaryDirectory() as folder:
            inputs = Path(folder) / "in"
            inputs.mkdir()
            for index in range(DRAFTS // 3):  # three recruiters: one email each
                data = notes_data(index)
                for person in data["interviewers"]:
                    person["relation"] = "recruiter"
                (inputs / f"n{index}.json").write_text(json.dumps(data))
            settings = Settings(
                base_url=f"http://127.0.0.1:{port}/v1",
                api_key="sk-bench",
                model="slow",
                max_retries=0,
            )
            backend = OpenAIBackend(settings)
            if warm:
                counter_for(settings.model)
                _ = backend.client.chat.completions  # imports the SDK's resources
            batch = Batch(
                Path(folder) / "out", backend, now=NOW, concurrency=CONCURRENCY, repairs=0
            )
            start = time.perf_counter()
            tally = asyncio.run(batch.run(sorted(inputs.glob("*.json"))))
            elapsed = time.perf_counter() - start
    finally:
        process.terminate()
        process.join(timeout=5)
    drafts = tally.drafts
    ideal = drafts * LATENCY / CONCURRENCY
    return {
        "warm_process": warm,
        "drafts": drafts,
        "concurrency": CONCURRENCY,
        "latency_s": LATENCY,
        "wall_s": round(elapsed, 2),
        "ideal_s": round(ideal, 2),
        "ratio": round(elapsed / ideal, 3),
    }


# `writer` run as `python -m writer` would be, printing its own peak resident memory at exit.
# /proc's VmHWM starts afresh at exec; getrusage's maxrss would include this (forking)
# process's size, server and all.
PEAK_MEMORY = """
import atexit, runpy, sys
atexit.register(lambda: print([l for l in open("/proc/self/status") if "VmHWM" in l][0]))
sys.argv[0] = "writer"
runpy.run_module("writer", run_name="__main__")
"""


def offline_scale(files: int = 1000) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "in"
        write_notes(inputs, files)
        out = Path(folder) / "out"
        start = time.perf_counter()
        child = subprocess.run(
            [
                *(sys.executable, "-c", PEAK_MEMORY, "batch", str(inputs), "--out", str(out)),
                *("--backend", "offline", "--now", NOW.isoformat()),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            env={"WRITER_HOME": folder, "PATH": "/usr/bin:/bin"},
        )
        elapsed = time.perf_counter() - start
        summary = json.loads((out / "summary.json").read_text())
    peak_kb = int(child.stdout.rsplit("VmHWM:", 1)[1].split()[0])
    peak_mb = peak_kb / 1024
    return {
        "files": files,
        "drafts": summary["drafts"],
        "ok": summary["ok"],
        "wall_s": round(elapsed, 2),
        "drafts_per_second": round(summary["drafts"] / elapsed),
        "peak_memory_mb": round(peak_mb, 1),
    }


if __name__ == "__main__":
    figures = {
        "concurrency_cold": concurrency_ratio(warm=False),
        "concurrency_warm": concurrency_ratio(warm=True),
        "offline_1000": offline_scale(),
    }
    print(json.dumps(figures, indent=2))
