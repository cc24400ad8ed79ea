"""Regular-expression patterns of rules: compiled with the engine's conventions, and the
literal strings (triggers) a text must contain before a pattern is worth running."""

from __future__ import annotations

from writer.checker.engine import Pattern

Known = dict[str, list[str] | None]  # pattern source -> its triggers, as the stamp keeps them


def compile_pattern(
    source: str,
    case_sensitive: bool,
    replacement: str | None,
    *,
    eager: bool = True,
    known: Known | None = None,
) -> Pattern:
    """A pattern as rules.yaml writes it: a plain ' also matches a curly ’. `eager` compiles
    it now, so that a bad pattern raises re.error here; without it, on first use (for rules
    the schema has checked already). `known` holds triggers worked out before."""
    widened = source.replace("'", "['’]")
    found = known[source] if known is not None and source in known else trigger_set(source)
    keys = None
    if found is not None:
        keys = frozenset(t if case_sensitive else t.lower() for t in found)
    pattern = Pattern(widened, keys, case_sensitive, replacement)
    if eager:
        pattern.regex  # noqa: B018  (compiles it, raising re.error for a bad pattern)
    return pattern


def trigger_set(source: str) -> tuple[str, ...] | None:
    """The literals every match of `source` contains one of (None: cannot be told)."""
    return triggers(source) or lead(source)


_SPECIAL = set("\\[](){}|.?*+^$")


def lead(source: str) -> tuple[str, ...] | None:
    """The characters a pattern must start with, when it starts with a plain one or with a
    class of a few plain ones ('<', '\\[', '[$€£]'): a trigger for patterns of punctuation."""
    if source.startswith("\\b"):
        source = source[2:]
    if len(source) >= 2 and source[0] == "\\" and source[1] in _SPECIAL | set("<>!-"):
        chars, rest = source[1], source[2:]
    elif source and source[0] not in _SPECIAL and not source[0].isalnum():
        chars, rest = source[0], source[1:]
    elif source.startswith("[") and "]" in source[1:]:
        chars, rest = source[1 : source.index("]", 1)], source[source.index("]", 1) + 1 :]
        if not chars or set(chars) & set("\\^-[") or any(c.isalnum() for c in chars):
            return None
    else:
        return None
    if rest[:1] in ("?", "*", "{"):
        return None  # the first character may be absent
    return tuple(chars)


def triggers(source: str) -> tuple[str, ...] | None:
    """Literal strings one of which every match of `source` contains, if they can be told:
    its longest literal run, else the literal runs of each alternative of its first group."""
    run = literal_run(source)
    if run is not None:
        return (run,)
    body = source.removeprefix("\\b").removeprefix("(?:")
    if not body.startswith("(") or body.startswith("(?"):
        return None
    found: list[str] = []
    for alternative in _alternatives(body):
        inner = triggers(alternative)
        if inner is None:
            return None
        found += inner
    return tuple(found)


def _alternatives(body: str) -> list[str]:
    """The top-level alternatives of the group that `body` starts with."""
    parts, depth, start = [], 0, 1
    for i, char in enumerate(body):
        if char == "\\":
            continue
        depth += (char == "(") - (char == ")")
        if depth == 1 and char == "|":
            parts.append(body[start:i])
            start = i + 1
        elif depth == 0:
            parts.append(body[start:i])
            return parts
    return []


_QUANTIFIERS = "?*+{"


def literal_run(source: str) -> str | None:
    """The longest run of plain letters and spaces a regular expression always matches
    (outside groups, classes and escapes), if it has one of three or more letters."""
    runs: list[str] = []
    run, depth, i = "", 0, 0
    while i < len(source):
        char = source[i]
        following = source[i + 1] if i + 1 < len(source) else ""
        if char == "\\":
            i, run = i + 2, _end(runs, run)
            continue
        if char == "[":
            i, run = source.index("]", i + 1) + 1, _end(runs, run)
            continue
        if char == "|" and depth == 0:
            return None  # alternatives at the top: nothing is always there
        depth += (char == "(") - (char == ")")
        if depth == 0 and char != ")" and (char.isalpha() or char == " "):
            if following in _QUANTIFIERS and following:
                run = _end(runs, run)
            else:
                run += char
        else:
            run = _end(runs, run)
        i += 1
    _end(runs, run)
    best = max((r.strip() for r in runs), key=len, default="")
    return best if sum(c.isalpha() for c in best) >= 3 else None


def _end(runs: list[str], run: str) -> str:
    if run:
        runs.append(run)
    return ""
