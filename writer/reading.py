"""Reading an input file safely: only regular files, never more than a cap, and a name
that can always be printed."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from writer.errors import InputError

MAX_BYTES = 1_000_000
_NOT_REGULAR = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}
_OS_HINTS = {
    errno.ENAMETOOLONG: "the file name is too long for the file system; rename it",
    errno.ELOOP: "a symbolic link that loops; fix or remove the link",
    errno.EACCES: "permission denied; check the file's permissions",
    errno.ENOTDIR: "a part of the path is not a directory; check the path",
}


def shown_path(path: str | Path) -> str:
    """A path as it can be printed and stored as UTF-8: bytes of a non-UTF-8 name escaped."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_text(path: Path) -> str:
    """The file's text, or an `InputError` saying why it cannot be read."""
    source = shown_path(path)
    data = read_capped(path, source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError.one(
            source,
            line,
            f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8",
        ) from None


def read_capped(path: Path, source: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. The size is counted while
    reading: a FIFO, a device or a file still growing cannot hang or fill memory."""
    try:
        _require_regular(os.stat(path).st_mode, source)
        # O_NONBLOCK: opening a FIFO swapped in after the check must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as error:
        raise InputError.one(source, 0, _os_problem(error)) from None
    try:
        info = os.fstat(fd)
        _require_regular(info.st_mode, source)
        if info.st_size > limit:  # a quick answer; the count below is what holds
            raise InputError.one(source, 0, _too_large(f"{info.st_size / 1e6:.1f} MB", limit))
        chunks, total = [], 0
        while chunk := os.read(fd, min(1 << 16, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InputError.one(source, 0, _too_large("what it holds", limit))
        return b"".join(chunks)
    except OSError as error:
        raise InputError.one(source, 0, _os_problem(error)) from None
    finally:
        os.close(fd)


def _too_large(size: str, limit: int) -> str:
    return f"{size} is too large for a notes file (at most {limit / 1e6:g} MB)"


def _require_regular(mode: int, source: str) -> None:
    if stat.S_ISDIR(mode):
        raise InputError.one(source, 0, "is a directory; pass a notes file (.yaml or .json)")
    if not stat.S_ISREG(mode):
        what = _NOT_REGULAR.get(stat.S_IFMT(mode), "not a regular file")
        raise InputError.one(
            source, 0, f"is {what}, not a regular file; pass a notes file (.yaml or .json)"
        )


def _os_problem(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file; check the path"
    if error.errno in _OS_HINTS:
        return f"cannot be read: {_OS_HINTS[error.errno]}"
    return f"cannot be read: {error.strerror or error}"
