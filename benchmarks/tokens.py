"""How long the first token count takes for a model name, in a fresh process with the
network blocked (issue goal: under 1 s). Prints JSON; run `python benchmarks/tokens.py`."""

from __future__ import annotations

import json
import subprocess
import sys

MODELS = ["gpt-4o-mini", "gpt-4.1", "gpt-4", "o3", "smollm2", "llama3.1:8b", "unknown-model"]

PROBE = """
import socket, sys, time
def refuse(*a, **k):
    raise OSError("network blocked by the benchmark")
socket.socket.connect = refuse
socket.create_connection = refuse
start = time.perf_counter()
from writer.backends.openai.tokens import counter_for
counter = counter_for(sys.argv[1])
counter.count("Thank you for the conversation about the Kafka migration.")
print(time.perf_counter() - start, counter.name, counter.approximate)
"""


def first_count(model: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, model], capture_output=True, text=True, check=True
    )
    seconds, name, approximate = done.stdout.split()
    return {
        "model": model,
        "seconds": round(float(seconds), 3),
        "encoding": name,
        "approximate": approximate == "True",
    }


if __name__ == "__main__":
    rows = [first_count(m) for m in MODELS]
    print(
        json.dumps(
            {"first_count": rows, "slowest_seconds": max(float(str(r["seconds"])) for r in rows)},
            indent=2,
        )
    )
