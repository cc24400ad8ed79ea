"""The rules in force: the files in rules/ read once and checked by the schema, the user's levels
from the config file laid over it, and each message kind's phrases compiled once."""

from __future__ import annotations

import json
import marshal
import os
import zlib
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from writer.checker import scripts  # noqa: F401  (registers the scripts the schema names)
from writer.checker.building import build
from writer.checker.engine import ACROSS_SCRIPTS, LEVELS, OFF, SCRIPTS, Rule
from writer.checker.phrases import PhraseIndex
from writer.checker.rule_index import Plain, index_for
from writer.errors import UsageError
from writer.guidance import Guidance
from writer.kinds import SPECS, message_kind, spec

# The package folder itself: importlib.resources would cost every command 5 ms of imports
# (zipfile, tempfile) for files that an installed wheel keeps beside this module.
_HERE = Path(__file__).parent


@cache
def load_rules() -> tuple[Rule, ...]:
    """Every rule of the files in rules/, in file and entry order, at its own level (read
    once per process).

    The schema (pydantic) checks the files unless rules.checked.json holds these very files
    already checked, by this schema, against these scripts: that saves `writer check`
    importing pydantic. A stale stamp only costs the check, never skips it."""
    files = rule_files()
    try:
        stamp = json.loads(_HERE.joinpath("rules.checked.json").read_bytes())
    except (OSError, ValueError):
        stamp = {}
    _DIGEST[:] = [digest(files)]
    if stamp.get("digest") == _DIGEST[0]:
        try:
            return tuple(build(_restored(entry), eager=False) for entry in stamp["rules"])
        except (KeyError, TypeError, ValueError):
            pass  # a stamp edited by hand: check the files instead
    from writer.checker.schema import parse_rule_files

    return parse_rule_files({name: _yaml(data) for name, data in files.items()})


def rule_files() -> dict[str, bytes]:
    """The rule files, one a family (Vale's "a style is a folder of YAML rules"), by name."""
    folder = _HERE.joinpath("rules")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))
    return {f"rules/{name}": folder.joinpath(name).read_bytes() for name in names}


def digest(files: dict[str, bytes]) -> str:
    """What a check of the rules depends on: the files, the schema, the registered scripts
    and the settings the limits may name."""
    parts = [
        *(name.encode() + bytes(1) + data for name, data in files.items()),
        _HERE.joinpath("schema.py").read_bytes(),
        _HERE.joinpath("building.py").read_bytes(),
        _HERE.joinpath("patterns.py").read_bytes(),  # the triggers the stamp keeps
        _HERE.joinpath("triggers.py").read_bytes(),
        " ".join(sorted(SCRIPTS)).encode(),
        " ".join(sorted(ACROSS_SCRIPTS)).encode(),
        " ".join(sorted(Guidance.names())).encode(),
        " ".join(f"{s.aliases[0]}={s.kind.value}" for s in SPECS.values()).encode(),
    ]
    # A checksum, not a cryptographic hash: it detects edits, and hashlib costs `writer
    # check` 15 ms to import.
    return f"crc32:{zlib.crc32(bytes(1).join(parts)):08x}"


def write_checked() -> str:
    """Check the rule files and write the stamp beside them (`python -m writer.checker.schema`)."""
    from writer.checker.schema import normalised

    files = rule_files()
    entries = {name: _yaml(data) for name, data in files.items()}
    stamp = {"digest": digest(files), "rules": [_stored(e) for e in normalised(entries)]}
    path = _HERE / "rules.checked.json"
    path.write_text(json.dumps(stamp, ensure_ascii=False, indent=1) + "\n", "utf-8")
    load_rules.cache_clear()
    _stored_indexes.cache_clear()
    _HERE.joinpath(INDEXES).write_bytes(marshal.dumps(built_indexes()))
    return str(path)


# Each message kind's phrase index for the rules as shipped (no config file), as plain
# tuples: compiling them costs `writer check` a tenth of building them from the rules.
INDEXES = "rules.index.marshal"
_DIGEST: list[str] = []  # the rule files' digest, as load_rules worked it out


def built_indexes() -> dict[str, Any]:
    """What rules.index.marshal holds: the digest it was built for, and each kind's index."""
    base = load_rules()
    # Each kind marshalled apart: a check loads its own kind's index alone.
    kinds = {k.value: marshal.dumps(index_for(_message_rules(base, k)).plain()) for k in SPECS}
    return {"digest": _index_digest(), "kinds": kinds}


def _index_digest() -> str:
    """The rules' digest, and the code an index's shape depends on."""
    load_rules()
    code = b"".join(_HERE.joinpath(n).read_bytes() for n in ("phrases.py", "rule_index.py"))
    return f"{_DIGEST[0]}:{zlib.crc32(code):08x}"


def _stored_index(kind: str) -> Plain | None:
    """The kind's index from rules.index.marshal, or None when that is stale or unreadable
    (the index is then built from the rules)."""
    try:
        return marshal.loads(_stored_indexes()[kind])  # type: ignore[no-any-return]
    except (KeyError, TypeError, ValueError, EOFError):
        return None


@cache
def _stored_indexes() -> dict[str, bytes]:
    try:
        stored = marshal.loads(_HERE.joinpath(INDEXES).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(stored, dict) or stored.get("digest") != _index_digest():
        return {}
    kinds = stored.get("kinds")
    return kinds if isinstance(kinds, dict) else {}


def _message_rules(rules: tuple[Rule, ...], kind: str) -> tuple[Rule, ...]:
    return tuple(r for r in rules if kind in r.kinds and r.enabled and r.scope == "message")


def _stored(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry as the stamp keeps it: each kind by its first alias in the kinds table
    ('email'), so that the kinds' names are spelled out in writer/kinds.py alone."""
    severity = entry["severity"]
    if isinstance(severity, dict):
        severity = {k if k == "default" else spec(k).aliases[0]: v for k, v in severity.items()}
    return {**entry, "kinds": [spec(k).aliases[0] for k in entry["kinds"]], "severity": severity}


def _restored(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry `_stored` wrote, with its kinds named again. The digest covers the aliases,
    so a renamed alias makes the stamp stale rather than misread."""
    severity = entry["severity"]
    if isinstance(severity, dict):
        severity = {k if k == "default" else _kind(k): v for k, v in severity.items()}
    return {**entry, "kinds": [_kind(k) for k in entry["kinds"]], "severity": severity}


def _kind(alias: str) -> str:
    kind = message_kind(alias)
    if kind is None:
        raise ValueError(f"no message kind has the alias {alias!r}")
    return kind.value


def _yaml(data: bytes) -> Any:
    import yaml  # only when the stamp is stale: `writer check` reads the rules from JSON

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(data.decode("utf-8"), Loader=loader)


def active_rules() -> tuple[Rule, ...]:
    """Every rule at the level the user's config file sets for it (OFF when disabled)."""
    return _levelled(os.environ.get("WRITER_CONFIG"))


def rules_for(kind: str) -> tuple[Rule, ...]:
    """The enabled rules that judge one message of `kind`, in file order."""
    return _for_kind(os.environ.get("WRITER_CONFIG"), kind)[0]


def for_kind(kind: str) -> tuple[tuple[Rule, ...], PhraseIndex]:
    """`rules_for(kind)` and `phrase_index(kind)` at once (one look at the environment)."""
    return _for_kind(os.environ.get("WRITER_CONFIG"), kind)


def phrase_index(kind: str) -> PhraseIndex:
    """The literal phrases of every enabled rule for `kind`, ready for one scan."""
    return _for_kind(os.environ.get("WRITER_CONFIG"), kind)[1]


# Bounded: a process that meets many config files (a test run, a long session) keeps the
# indexes of the few latest, not one of ~5,700 phrases per file and kind forever (a run
# held a million Phrase objects, and each full garbage collection paused it for seconds).
_KINDS_KEPT = 32


@lru_cache(maxsize=_KINDS_KEPT)
def _for_kind(config: str | None, kind: str) -> tuple[tuple[Rule, ...], PhraseIndex]:
    chosen = _message_rules(_levelled(config), kind)
    # The stored index is used only where it was built for these very rules (a config
    # file that turns a rule off has an index of its own built).
    return chosen, index_for(chosen, _stored_index(kind))


@lru_cache(maxsize=4)
def _levelled(config: str | None) -> tuple[Rule, ...]:
    """Keyed by `WRITER_CONFIG` so that a changed setting is read afresh; the file itself is
    read once per process."""
    from writer.config_file import config_path, rule_levels

    levels = rule_levels()
    base = load_rules()
    unknown = sorted(set(levels) - {r.id for r in base})
    if unknown:
        raise UsageError(
            f"{config_path()}: [rules] {unknown[0]!r}: no checker rule has that id; "
            "`writer rules` lists them"
        )
    return tuple(
        replace(r, severities={"default": levels[r.id]}) if r.id in levels else r for r in base
    )


__all__ = [
    "LEVELS",
    "OFF",
    "active_rules",
    "for_kind",
    "load_rules",
    "phrase_index",
    "rules_for",
]
