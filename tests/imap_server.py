"""A real IMAP server (Debian's dovecot) on 127.0.0.1 for one test: TLS with a throwaway
certificate, one user, maildir storage in a temporary folder. It stops itself after
`LIFETIME` seconds even if the test run dies."""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

LIFETIME = 120  # seconds
DOVECOT = shutil.which("dovecot") or (
    "/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None
)


@dataclass(frozen=True)
class Server:
    port: int
    user: str
    password: str
    ca_file: str
    log: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@functools.cache
def _keypair() -> tuple[bytes, bytes]:
    """A throwaway key and certificate for 127.0.0.1, made once per test process: an RSA key
    costs the CPU of a whole test, and each server only needs one it trusts."""
    with tempfile.TemporaryDirectory(prefix="writer-imap-cert-") as scratch:
        folder = Path(scratch)
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
                "-keyout",
                str(folder / "key.pem"),
                "-out",
                str(folder / "cert.pem"),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return (folder / "key.pem").read_bytes(), (folder / "cert.pem").read_bytes()


def _certificate(folder: Path) -> None:
    key, cert = _keypair()
    (folder / "key.pem").write_bytes(key)
    (folder / "cert.pem").write_bytes(cert)


def _config(folder: Path, port: int, user: str, password: str) -> Path:
    (folder / "passwd").write_text(f"{user}:{{PLAIN}}{password}\n")
    # dovecot refuses mail access as root: as root, the mailbox belongs to nobody.
    uid, gid = (os.getuid(), os.getgid()) if os.getuid() else (65534, 65534)
    home = folder / "home" / user
    home.mkdir(parents=True)
    os.chown(home, uid, gid)
    conf = folder / "dovecot.conf"
    conf.write_text(f"""
base_dir = {folder}/run
state_dir = {folder}/state
instance_name = writer-test-{port}
log_path = {folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{folder}/cert.pem
ssl_key = <{folder}/key.pem
auth_mechanisms = plain
# A refused password is answered at once: the tests need the refusal, not the brute-force delay.
auth_failure_delay = 0
default_login_user = {os.environ.get("USER", "root") if os.getuid() else "dovenull"}
default_internal_user = {os.environ.get("USER", "root") if os.getuid() else "dovecot"}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={folder}/home/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  mailbox Drafts {{
    auto = create
    special_use = \\Drafts
  }}
}}
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {port}
    ssl = yes
  }}
}}
# No brute-force penalty either: after the refused password, the test's own login (to see
# that nothing was appended) waited 4 s for it.
service anvil {{
  chroot =
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service imap-login {{
  chroot =
}}
""")
    return conf


@contextmanager
def dovecot() -> Iterator[Server]:
    """A running dovecot, stopped on exit (and by `timeout` after LIFETIME s regardless)."""
    assert DOVECOT is not None
    folder = Path(tempfile.mkdtemp(prefix="writer-imap-"))
    os.chmod(folder, 0o755)  # dovecot's unprivileged login process reads the certificate
    port, user, password = _free_port(), "candidate", "app-pass-S3cret-9x7q"
    _certificate(folder)
    conf = _config(folder, port, user, password)
    process = subprocess.Popen(
        ["timeout", str(LIFETIME), DOVECOT, "-F", "-c", str(conf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_listening(port, process, folder)
        yield Server(port, user, password, str(folder / "cert.pem"), folder / "dovecot.log")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(folder, ignore_errors=True)


def _wait_listening(port: int, process: subprocess.Popen[bytes], folder: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode() if process.stderr else ""
            log = (folder / "dovecot.log").read_text() if (folder / "dovecot.log").exists() else ""
            raise RuntimeError(f"dovecot exited: {err}{log}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("dovecot did not start listening within 20 s")
