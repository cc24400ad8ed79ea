"""Read a notes file (YAML or JSON) into `Notes`, with `file:line: what and how to fix` errors."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ValidationError
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from writer.errors import InputError, Problem
from writer.notes import Candidate, Interview, Interviewer, LinkedIn, Notes
from writer.reading import MAX_BYTES, read_capped, read_text, shown_path

__all__ = ["MAX_BYTES", "load_notes", "parse_notes", "read_capped", "read_text", "shown_path"]

# Notes nest five levels at most; the limit is far above that and far below where the
# (recursive) YAML composer and the JSON decoder would overflow the stack.
MAX_DEPTH = 32
# The longest integer a notes file needs (a count of mutual connections) has a few digits.
MAX_INT_DIGITS = 18
EXAMPLE_HINT = "see examples/ for a complete notes file"
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_LONG_INT = re.compile(rf"(?<![\w.\"])-?\d{{{MAX_INT_DIGITS + 1},}}")

# The model that holds the keys found under each parent key.
_MODELS_BY_PARENT: dict[str, type[BaseModel]] = {
    "candidate": Candidate,
    "interview": Interview,
    "interviewers": Interviewer,
    "linkedin": LinkedIn,
}


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that a notes file does not allow; its problem is the whole message."""


class _Refusals(Composer):
    """What a notes file may not hold, checked as each node is composed: aliases, tags,
    and nesting deeper than `MAX_DEPTH`."""

    depth = 0
    # From the parser that the loader pairs this with (PyYAML's, or libyaml's).
    peek_event: Callable[[], Any]
    check_event: Callable[..., bool]

    def compose_node(self, parent: Any, index: Any) -> Any:
        event: Any = self.peek_event()
        if self.check_event(yaml.AliasEvent):
            raise _Refused(
                problem="aliases (*name) are not allowed in a notes file; write the value out",
                problem_mark=event.start_mark,
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":  # "!" is what a quoted scalar carries
            raise _Refused(
                problem=f"the YAML tag '{_short_tag(tag)}' is not allowed: notes files use "
                "plain YAML without tags (remove the '!...' and keep the plain value)",
                problem_mark=event.start_mark,
            )
        if self.depth >= MAX_DEPTH:
            raise _Refused(
                problem=f"nested more than {MAX_DEPTH} levels deep; a notes file needs at "
                f"most a few levels ({EXAMPLE_HINT})",
                problem_mark=event.start_mark,
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _NotesYamlLoader(_Refusals, yaml.SafeLoader):
    """Plain scalars stay strings (pydantic parses them), except null; no aliases, no
    tags, and no nesting deeper than `MAX_DEPTH`."""


try:
    from yaml._yaml import CParser

    _LIBYAML = True
except ImportError:  # PyYAML built without libyaml: its own parser reads every file
    CParser = object  # type: ignore[misc,assignment]
    _LIBYAML = False


class _FastNotesYamlLoader(_Refusals, SafeConstructor, Resolver, CParser):
    """The same node tree, with marks, from libyaml's scanner and parser (6× faster than
    PyYAML's); PyYAML's composer keeps the refusals. CParser's own composer is left out: it
    recurses in C, with no depth limit."""

    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml") else tag


_NotesYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_FastNotesYamlLoader.yaml_implicit_resolvers = _NotesYamlLoader.yaml_implicit_resolvers


def load_notes(path: str | Path) -> Notes:
    """Read and validate one notes file; raise `InputError` on anything wrong with it."""
    source = shown_path(path)
    text = read_text(Path(path))
    return parse_notes(text, source, is_json=str(path).lower().endswith(".json"))


def name_warnings(notes: Notes, source: str = "<notes>") -> list[str]:
    """Warnings (not errors) about the notes: a name that seems written family name first,
    with no `greet_as` to say how to address them."""
    from writer.names import family_first_warning

    out = []
    for i, person in enumerate(notes.interviewers):
        said = family_first_warning(person.name, person.greet_as)
        if said:
            out.append(f"{source}: interviewers[{i}]: {said}")
    return out


def parse_notes(text: str, source: str = "<notes>", *, is_json: bool = False) -> Notes:
    """Validate notes given as YAML or JSON text."""
    if not text.strip():
        raise InputError.one(source, 1, f"the file is empty; {EXAMPLE_HINT}")
    node: yaml.Node | None = None
    if is_json:
        # JSON parses in C; the (pure-Python) YAML node tree is composed only if line
        # numbers are needed, so a batch of valid JSON files never pays for it.
        root = _json_root(text, source)
    else:
        node = _compose(text, source, strict=True)
        if node is None:
            raise InputError.one(source, 1, f"the file holds no notes; {EXAMPLE_HINT}")
        _reject_duplicate_keys(node, source)
        root = _construct(node, source)
    if not isinstance(root, dict):
        raise InputError.one(
            source,
            1,
            "expected a mapping with keys candidate, company, role, interview, interviewers; "
            + EXAMPLE_HINT,
        )
    _refuse_placeholders(root, node, text, source, is_json=is_json)
    try:
        return Notes.model_validate(root)
    except ValidationError as error:
        if is_json:
            node = _compose(text, source, strict=False)
        raise InputError(_problems(error, node, source)) from None


def _refuse_placeholders(
    root: dict[str, Any], node: yaml.Node | None, text: str, source: str, *, is_json: bool
) -> None:
    """A skeleton from `writer new` loads only once every `FILL IN` is replaced."""
    from writer.placeholders import unfilled

    found = unfilled(root)
    if found:
        node = _compose(text, source, strict=False) if is_json else node
        problems = [Problem(source, _line_of(node, loc), why) for loc, why in found]
        raise InputError(sorted(problems, key=lambda p: p.line))


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return mapping


def _short_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise OverflowError(digits)
    return int(digits)


def _json_root(text: str, source: str) -> Any:
    _check_json_depth(text, source)
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_int=_short_int)
    except json.JSONDecodeError as error:
        raise InputError.one(source, error.lineno, f"JSON syntax error: {error.msg}") from None
    except _DuplicateKey as error:
        node = _compose(text, source, strict=False)
        if node is not None:
            _reject_duplicate_keys(node, source)  # raises, with the line
        raise InputError.one(source, 1, f"key '{error}' appears twice; keep one") from None
    except (OverflowError, ValueError):
        found = _LONG_INT.search(text)
        line = text.count("\n", 0, found.start()) + 1 if found else 1
        raise InputError.one(
            source,
            line,
            f"a number with more than {MAX_INT_DIGITS} digits; no value in a notes file "
            "is that large, so check this number",
        ) from None


def _check_json_depth(text: str, source: str) -> None:
    """Refuse deep nesting before the decoder recurses into it (strings skipped)."""
    depth = 0
    for token in _JSON_TOKENS.finditer(text):
        char = token.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, token.start()) + 1
                raise InputError.one(
                    source,
                    line,
                    f"nested more than {MAX_DEPTH} levels deep; a notes file needs at most "
                    f"a few levels ({EXAMPLE_HINT})",
                )
        elif char in "]}":
            depth -= 1


def _construct(node: yaml.Node, source: str) -> Any:
    loader = _NotesYamlLoader("")
    try:
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as error:  # a tag such as !!python/object or !custom
        mark = error.problem_mark
        line = mark.line + 1 if mark else 1
        raise InputError.one(
            source,
            line,
            f"{error.problem}; notes files use plain YAML without tags (remove the '!...')",
        ) from None
    finally:
        loader.dispose()


def _compose(text: str, source: str, *, strict: bool) -> yaml.Node | None:
    """The YAML node tree (for line numbers); for JSON, None when YAML cannot read it."""
    fast = _compose_fast(text)
    if fast is not False:
        return fast
    loader: _NotesYamlLoader | None = None
    try:
        loader = _NotesYamlLoader(text)  # the reader checks every character right here
        return loader.get_single_node()
    except yaml.reader.ReaderError as error:
        if not strict:
            return None
        line = text[: error.position].count("\n") + 1
        raise InputError.one(
            source,
            line,
            f"character U+{error.character:04X} is not allowed "
            "in a notes file; delete it (it is often invisible)",
        ) from None
    except yaml.MarkedYAMLError as error:
        if not strict:
            return None
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        if isinstance(error, _Refused):
            raise InputError.one(source, line, str(error.problem)) from None
        what = error.problem or "cannot be read"
        hint = "; check indentation, colons and quoting on this line"
        raise InputError.one(source, line, f"YAML syntax error: {what}{hint}") from None
    except yaml.YAMLError as error:
        if not strict:
            return None
        raise InputError.one(source, 1, f"YAML error: {error}") from None
    finally:
        if loader is not None:
            loader.dispose()


def _compose_fast(text: str) -> yaml.Node | Literal[False] | None:
    """The node tree through libyaml, or False for any text it does not compose as PyYAML
    would: then PyYAML reads it again and says what is wrong in its own words."""
    if not _LIBYAML or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return False  # libyaml allows a few characters that PyYAML's reader refuses
    loader = _FastNotesYamlLoader(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()


def _reject_duplicate_keys(node: yaml.Node, source: str) -> None:
    problems: list[Problem] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                if key.value in seen:
                    line = key.start_mark.line + 1
                    message = f"key '{key.value}' appears twice here; keep one"
                    problems.append(Problem(source, line, message))
                seen.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.line))


def _problems(error: ValidationError, root: yaml.Node | None, source: str) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        line = _line_of(root, loc)
        problems.append(Problem(source, line, _describe(item, loc)))
    return sorted(problems, key=lambda p: p.line)


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the top level"


def _describe(item: Any, loc: tuple[Any, ...]) -> str:
    kind = item["type"]
    where = _dotted(loc)
    if kind == "extra_forbidden":
        return _unknown_key(loc)
    if kind == "missing":
        return f"{where} is required but missing; add it ({EXAMPLE_HINT})"
    if kind == "enum":
        return _bad_choice(where, item)
    if kind == "too_short" and loc == ("interviewers",):
        return "interviewers: list at least one interviewer (each needs a name)"
    if kind in {"string_too_short"}:
        return f"{where} is empty; write a value or remove the key"
    if kind == "string_type" and isinstance(item.get("input"), dict):
        return _colon_trap(where, item["input"])
    message = str(item.get("ctx", {}).get("error") or item["msg"]).removeprefix("Value error, ")
    shown = repr(item.get("input")) if not isinstance(item.get("input"), dict | list) else ""
    shown = shown if len(shown) <= 60 else shown[:50] + "…" + shown[-8:]
    if "date" in kind or "datetime" in kind:
        return f"{where}: {shown} is not a valid date: {message}; use ISO 8601 like " + (
            "2026-11-20T14:00:00-05:00" if loc[-1] in {"start", "end"} else "2026-11-21"
        )
    return f"{where}: {message}" + (f" (got {shown})" if shown else "")


def _colon_trap(where: str, value: dict[Any, Any]) -> str:
    """A text with ': ' in it (`her view: images matter less`) that YAML read as a mapping."""
    key, inner = next(iter(value.items()), ("", ""))
    text = f"{key}: {inner}" if inner is not None else f"{key}:"
    return (
        f"{where} should be text, but YAML read '{text}' as a key and a value because of the"
        f' ": " in it; put the whole line in quotes, like - "{text}"'
    )


def _unknown_key(loc: tuple[Any, ...]) -> str:
    key = str(loc[-1])
    parents = [part for part in loc[:-1] if isinstance(part, str)]
    model = _MODELS_BY_PARENT.get(parents[-1], Notes) if parents else Notes
    known = list(model.model_fields)
    where = _dotted(loc[:-1])
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(known)
    return f"unknown key '{key}' in {where}; {hint}"


def _bad_choice(where: str, item: Any) -> str:
    expected = re.findall(r"'([^']+)'", str(item.get("ctx", {}).get("expected", "")))
    got = str(item.get("input"))
    normal = got.strip().lower().replace(" ", "_").replace("-", "_")
    close = difflib.get_close_matches(normal, expected, n=1, cutoff=0.5)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"{where}: '{got}' is not one of {', '.join(expected)}{hint}"


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int:
    """The 1-based line of the deepest node along `loc` (the key itself for mappings)."""
    if node is None:
        return 1
    line = node.start_mark.line + 1
    for part in loc:
        child = _child(node, part)
        if child is None:
            break
        key_line, node = child
        line = key_line
    return line


def _child(node: yaml.Node, part: Any) -> tuple[int, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if key.value == part:
                return key.start_mark.line + 1, value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        item = node.value[part]
        return item.start_mark.line + 1, item
    return None


def read_mapping(text: str) -> Any:
    """The YAML as plain data the way notes are read (scalars stay text), or None if broken."""
    try:
        loader = _NotesYamlLoader(text)
    except yaml.YAMLError:
        return None
    try:
        return loader.get_single_data()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
