"""An OpenAI-compatible server on loopback that misbehaves on purpose, one scripted
behaviour per request, for the error paths. It answers only on 127.0.0.1 and stops itself."""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# The name the prompt says to greet by (its notes JSON's "address").
FIRST_NAME = re.compile(r'\\?"address\\?":\s*\\?"([^"\\]+)')


def good_reply(body: dict[str, Any]) -> str:
    """A connection note that passes the checker, for whoever the request names."""
    user = " ".join(m["content"] for m in body.get("messages", []) if m["role"] == "user")
    match = FIRST_NAME.search(user)
    name = match.group(1) if match else "there"
    return f"Hi {name}, thank you for the conversation about Kafka. I'd be glad to stay connected."


def completion(content: str | None, refusal: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "test",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": content, "refusal": refusal},
            }
        ],
        "usage": {"prompt_tokens": 50, "completion_tokens": 10, "total_tokens": 60},
    }


class FlakyServer:
    """Behaviours: ok, timeout, 429, 500, bad_json, empty, refusal, 404, 401."""

    def __init__(self) -> None:
        self.script: deque[str] = deque()
        self.seen: list[str] = []
        self.base_url = ""
        self.delay = 0.0  # seconds before every answer
        self.in_flight = self.most_in_flight = 0
        self._lock = threading.Lock()

    def then(self, *behaviours: str) -> FlakyServer:
        self.script.extend(behaviours)
        return self

    def respond(self, handler: BaseHTTPRequestHandler) -> None:
        # In flight from the request's arrival until its answer starts: counted down before
        # the answer is written, since a client that has its answer may send the next request
        # before this thread runs again (it counted 4 of --concurrency 3 in a CI run).
        with self._lock:
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            time.sleep(self.delay)
        finally:
            with self._lock:
                self.in_flight -= 1
        self._respond(handler)

    def _respond(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("content-length", 0))
        body = json.loads(handler.rfile.read(length) or b"{}")
        behaviour = self.script.popleft() if self.script else "ok"
        self.seen.append(behaviour)
        if behaviour == "timeout":
            time.sleep(1.0)
            behaviour = "ok"
        status, headers, payload = {
            "ok": (200, {}, completion(good_reply(body))),
            "429": (429, {"retry-after": "0.05"}, {"error": {"message": "slow down"}}),
            "500": (500, {}, {"error": {"message": "boom"}}),
            "empty": (200, {}, completion("")),
            "refusal": (200, {}, completion(None, refusal="I can't help with that.")),
            "404": (
                404,
                {},
                {"error": {"message": "The model does not exist", "code": "model_not_found"}},
            ),
            "401": (401, {}, {"error": {"message": "Incorrect API key provided"}}),
            "bad_json": (200, {}, None),
        }[behaviour]
        data = b'{"id": "x", "choices": [' if payload is None else json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(data)))
        handler.send_header("x-should-retry", "false" if status == 500 else "true")
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            handler.wfile.write(data)  # the client may have given up (a timeout test)


@contextmanager
def flaky_server() -> Iterator[FlakyServer]:
    state = FlakyServer()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            state.respond(self)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
