"""An OpenAI-compatible server on loopback that attacks its client: it drips, stalls, floods,
sends a gzip bomb, breaks streams, and answers in every malformed shape. Requests whose notes
name a person in `HostileServer.against` get that behaviour; everyone else a good answer,
so a test can see the other drafts complete. It listens on 127.0.0.1 only and stops itself.

It runs in a process of its own, as a real server does: in the test's process its threads
shared the client's interpreter lock, and on a busy machine a good answer could then come
seconds late, so a test timed the test server rather than the client. One process serves
each pytest worker; `hostile_server()` resets what it does before and after each test."""

from __future__ import annotations

import atexit
import contextlib
import json
import re
import subprocess
import sys
import threading
import time
import urllib.request
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.flaky_server import FIRST_NAME, completion, good_reply

BEHAVIOURS = (
    "drip",
    "silence",
    "huge",
    "gzip_bomb",
    "broken_stream",
    "invalid_utf8",
    "content_list",
    "content_dict",
    "usage_strings",
    "usage_huge",
    "deep_json",
    "huge_int",
    "redirect_loop",
    "retry_after_59",
)
MOST_SECONDS = 30.0  # no behaviour holds a connection longer, whatever the client does


@cache
def gzip_bomb() -> bytes:
    """About 20 kB of gzip that expands to 20 MB of zeros (twenty times the client's cap)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1_000_000)
    return b"".join(packer.compress(block) for _ in range(20)) + packer.flush()


def _body(content: Any, usage: Any = None) -> bytes:
    data = completion("placeholder")
    data["choices"][0]["message"]["content"] = content
    if usage is not None:
        data["usage"] = usage
    return json.dumps(data).encode()


LIFETIME_SECONDS = 3600.0  # the server process ends by then, whatever its parent does
SETTINGS = ("against", "echo", "reply_suffix")


class Attacker:
    """What the server process does with each request."""

    def __init__(self) -> None:
        self.against: dict[str, str] = {}  # first name -> behaviour
        self.echo = False  # good answers repeat the notes' first topic verbatim
        self.reply_suffix = ""  # appended to every good reply (e.g. a key)
        self.stopping = threading.Event()
        self.request = threading.local()  # each request's own `stopping`, kept across a reset

    def settle(self, settings: dict[str, Any]) -> None:
        """Take new settings; a reset also ends every connection held open so far."""
        if settings.pop("reset", False):
            self.stopping.set()
            self.stopping = threading.Event()
            self.against, self.echo, self.reply_suffix = {}, False, ""
        for key, value in settings.items():
            if key in SETTINGS:
                setattr(self, key, value)

    def behaviour(self, body: dict[str, Any]) -> str:
        user = " ".join(m["content"] for m in body.get("messages", []) if m["role"] == "user")
        match = FIRST_NAME.search(user)
        return self.against.get(match.group(1) if match else "", "ok")

    def good(self, body: dict[str, Any]) -> str:
        text = good_reply(body)
        if self.echo:
            user = body["messages"][-1]["content"]
            fenced = user.split("<notes>\n", 1)[1].rsplit("\n</notes>", 1)[0]
            topic = json.loads(fenced)["interviewer"]["topics"]["usable"][0]["text"]
            text = text.replace("Kafka", topic)
        return text + self.reply_suffix

    def respond(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("content-length", 0) or 0)
        body = json.loads(handler.rfile.read(length) or b"{}")
        behaviour = self.behaviour(body)
        self.request.stopping = self.stopping
        if body.get("stream"):
            self._stream(handler, behaviour, body)
            return
        getattr(self, f"_{behaviour}", self._ok)(handler, body)

    def _send(
        self, handler: Any, status: int, data: bytes, headers: dict[str, str] | None = None
    ) -> None:
        handler.send_response(status)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(data)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(data)

    def _wait(self, seconds: float) -> bool:
        """Sleep; False once the server is stopping or reset."""
        return not getattr(self.request, "stopping", self.stopping).wait(seconds)

    def _ok(self, handler: Any, body: dict[str, Any]) -> None:
        self._send(handler, 200, _body(self.good(body)))

    def _drip(self, handler: Any, body: dict[str, Any]) -> None:
        data = _body(self.good(body))
        handler.send_response(200)
        handler.send_header("content-length", str(len(data)))
        handler.end_headers()
        handler.wfile.flush()
        started = time.monotonic()
        for byte in data:
            if time.monotonic() - started > MOST_SECONDS or not self._wait(0.5):
                return
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()

    def _silence(self, handler: Any, body: dict[str, Any]) -> None:
        self._wait(MOST_SECONDS)

    def _huge(self, handler: Any, body: dict[str, Any]) -> None:
        handler.send_response(200)  # no content-length: the client must count
        handler.send_header("content-type", "application/json")
        handler.end_headers()
        handler.wfile.write(b'{"choices": [{"message": {"content": "')
        for _ in range(10):
            handler.wfile.write(b"a" * 1_000_000)
        handler.wfile.write(b'"}}]}')

    def _gzip_bomb(self, handler: Any, body: dict[str, Any]) -> None:
        self._send(handler, 200, gzip_bomb(), {"content-encoding": "gzip"})

    def _broken_stream(self, handler: Any, body: dict[str, Any]) -> None:
        data = _body(self.good(body))
        handler.send_response(200)
        handler.send_header("content-length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data[: len(data) // 2])  # then the connection closes

    def _invalid_utf8(self, handler: Any, body: dict[str, Any]) -> None:
        self._send(handler, 200, _body("Hi \udcff there").replace(b"\\udcff", b"\xff\xfe"))

    def _content_list(self, handler: Any, body: dict[str, Any]) -> None:
        self._send(handler, 200, _body([{"type": "text", "text": self.good(body)}]))

    def _content_dict(self, handler: Any, body: dict[str, Any]) -> None:
        self._send(handler, 200, _body({"text": self.good(body)}))

    def _usage_strings(self, handler: Any, body: dict[str, Any]) -> None:
        usage = {"prompt_tokens": "lots", "completion_tokens": "12", "total_tokens": []}
        self._send(handler, 200, _body(self.good(body), usage))

    def _usage_huge(self, handler: Any, body: dict[str, Any]) -> None:
        usage = {"prompt_tokens": 10**30, "completion_tokens": -5, "total_tokens": 10**40}
        self._send(handler, 200, _body(self.good(body), usage))

    def _deep_json(self, handler: Any, body: dict[str, Any]) -> None:
        self._send(handler, 200, b'{"choices": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")

    def _huge_int(self, handler: Any, body: dict[str, Any]) -> None:
        usage = b'{"prompt_tokens": ' + b"9" * 5000 + b"}"
        self._send(handler, 200, _body(self.good(body))[:-1] + b', "usage": ' + usage + b"}")

    def _redirect_loop(self, handler: Any, body: dict[str, Any]) -> None:
        self._send(handler, 307, b"{}", {"location": handler.path})

    def _retry_after_59(self, handler: Any, body: dict[str, Any]) -> None:
        error = json.dumps({"error": {"message": "slow down"}}).encode()
        self._send(handler, 429, error, {"retry-after": "59"})

    def _stream(self, handler: Any, behaviour: str, body: dict[str, Any]) -> None:
        if behaviour in ("silence", "redirect_loop", "retry_after_59", "gzip_bomb", "huge"):
            getattr(self, f"_{behaviour}")(handler, body)
            return
        words = re.split(r"(?<= )", self.good(body))
        if behaviour == "content_list":
            words = [[{"type": "text", "text": w}] for w in words]
        events = [
            b"data: "
            + json.dumps(
                {
                    "id": "c",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": "t",
                    "choices": [{"index": 0, "delta": {"content": w}, "finish_reason": None}],
                }
            ).encode()
            + b"\n\n"
            for w in words
        ]
        if behaviour == "invalid_utf8":
            events.insert(1, b'data: {"choices": [{"delta": {"content": "\xff\xfe"}}]}\n\n')
        if behaviour == "deep_json":
            events.insert(1, b"data: " + b"[" * 100_000 + b"\n\n")
        if behaviour != "broken_stream":
            end = {
                "id": "c",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "t",
                "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
            }
            events += [b"data: " + json.dumps(end).encode() + b"\n\n", b"data: [DONE]\n\n"]
        handler.send_response(200)
        handler.send_header("content-type", "text/event-stream")
        handler.end_headers()
        for index, event in enumerate(events):
            if behaviour == "broken_stream" and index == 2:
                handler.wfile.write(event[:10])  # half an event, then the connection drops
                return
            if behaviour == "drip":
                for byte in event:
                    if not self._wait(0.5):
                        return
                    handler.wfile.write(bytes([byte]))
                    handler.wfile.flush()
            else:
                handler.wfile.write(event)
                handler.wfile.flush()


def serve() -> None:
    """The server process: print the port, serve until stdin closes (the parent is gone) or
    LIFETIME_SECONDS pass."""
    state = Attacker()
    gzip_bomb()  # made before the clock of any test starts

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                if self.path == "/_control":
                    length = int(self.headers.get("content-length", 0) or 0)
                    state.settle(json.loads(self.rfile.read(length)))
                    state._send(self, 200, b"{}")
                    return
                state.respond(self)

        def do_GET(self) -> None:  # a redirected POST may come back as a GET
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                state._redirect_loop(self, {})

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    stop = threading.Timer(LIFETIME_SECONDS, server.shutdown)
    stop.daemon = True
    stop.start()

    def watch_parent() -> None:
        sys.stdin.read()  # EOF once the parent closes the pipe or dies
        state.stopping.set()
        server.shutdown()

    threading.Thread(target=watch_parent, daemon=True).start()
    print(server.server_address[1], flush=True)
    server.serve_forever(poll_interval=0.05)
    state.stopping.set()
    server.server_close()


class HostileServer:
    """The test's handle on the server process: its address, and settings that take effect
    in the server at once."""

    base_url: str

    def __init__(self, port: int) -> None:
        object.__setattr__(self, "base_url", f"http://127.0.0.1:{port}/v1")

    def _send(self, settings: dict[str, Any]) -> None:
        request = urllib.request.Request(
            self.base_url.removesuffix("/v1") + "/_control",
            data=json.dumps(settings).encode(),
            headers={"content-type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            answer.read()

    def __setattr__(self, key: str, value: Any) -> None:
        if key not in SETTINGS:
            raise AttributeError(f"the hostile server has no setting {key!r}")
        self._send({key: value})

    def reset(self) -> None:
        self._send({"reset": True})


_running: dict[str, tuple[subprocess.Popen[str], HostileServer]] = {}


def _started() -> HostileServer:
    """This process's one server process, started on first use."""
    if "server" in _running and _running["server"][0].poll() is None:
        return _running["server"][1]
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.hostile_server"],
        cwd=Path(__file__).resolve().parent.parent,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()  # the port, once it listens
    if not line.strip().isdigit():
        process.kill()
        raise RuntimeError(f"the hostile test server did not start (it printed {line!r})")
    handle = HostileServer(int(line))
    _running["server"] = (process, handle)
    atexit.register(_stop, process)
    return handle


def _stop(process: subprocess.Popen[str]) -> None:
    if process.stdin is not None:
        with contextlib.suppress(OSError):
            process.stdin.close()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def hostile_server() -> Iterator[HostileServer]:
    handle = _started()
    handle.reset()
    try:
        yield handle
    finally:
        handle.reset()  # ends what this test left dripping or silent


if __name__ == "__main__":
    serve()
