"""The schema of a rule entry in rules.yaml, checked strictly at load: an unknown key, type,
kind, level, setting or script name stops the load with the rule's id and the key."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from writer.checker.building import RuleError, build
from writer.checker.engine import ACROSS_SCRIPTS, SCRIPTS, Rule
from writer.checker.patterns import derive
from writer.guidance import Guidance
from writer.kinds import KINDS, MessageKind

RuleType = Literal["existence", "substitution", "occurrence", "metric", "script"]
Level = Literal["warning", "error"]
KindName = MessageKind  # the kinds table is the one list of kinds
LimitName = Literal["warn_below", "warn_above", "error_above"]

# The keys each type reads besides the common ones; any other key is a mistake.
_COMMON = {"id", "type", "severity", "kinds", "scope", "description", "source", "message"}
_COMMON |= {"suggestion"}
_TYPE_KEYS: dict[str, set[str]] = {
    "existence": {"patterns", "tokens", "case_sensitive", "replacement"},
    "substitution": {"swap", "case_sensitive"},
    "occurrence": {"patterns", "tokens", "case_sensitive", "limits", "count", "replacement"},
    "metric": {"metric", "limits"},
    "script": {"script", "patterns", "case_sensitive", "limits"},
}
_NEEDS: dict[str, tuple[set[str], str]] = {
    "existence": ({"patterns", "tokens"}, "patterns or tokens"),
    "substitution": ({"swap"}, "swap"),
    "occurrence": ({"patterns", "tokens"}, "patterns or tokens"),
    "metric": ({"metric"}, "metric"),
    "script": ({"script"}, "script"),
}


def _all_kinds() -> list[KindName]:
    return [MessageKind(kind) for kind in KINDS]


class RuleEntry(BaseModel):
    """One entry of rules.yaml (see the report in docs or the header of rules.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
    type: RuleType
    severity: Level | dict[KindName | Literal["default"], Level]
    kinds: list[KindName] = Field(default_factory=lambda: _all_kinds(), min_length=1)
    scope: Literal["message", "across"] = "message"
    description: str
    source: str = "—"
    message: str
    suggestion: str | None = None
    patterns: list[str | dict[str, str]] = Field(default_factory=list)
    tokens: list[str] = Field(default_factory=list)
    swap: dict[str, str] = Field(default_factory=dict)
    case_sensitive: bool = False
    limits: dict[LimitName, str] = Field(default_factory=dict)
    metric: Literal["chars", "words"] | None = None
    script: str | None = None
    replacement: str | None = None
    count: Literal["matches", "characters"] = "matches"

    @model_validator(mode="after")
    def _fits_its_type(self) -> RuleEntry:
        given = self.model_fields_set
        stray = sorted(given - _COMMON - _TYPE_KEYS[self.type])
        if stray:
            raise ValueError(f"key {stray[0]!r} does not apply to a rule of type {self.type}")
        wanted, named = _NEEDS[self.type]
        if not given & wanted:
            raise ValueError(f"a rule of type {self.type} needs {named}")
        if isinstance(self.severity, dict) and "default" not in self.severity:
            raise ValueError("key 'severity': a mapping by kind needs a 'default'")
        self._check_script()
        self._check_settings()
        for item in self.patterns:
            if isinstance(item, dict) and len(item) != 1:
                raise ValueError("key 'patterns': write a fix as one 'pattern: replacement' pair")
        if any(not t.strip() for t in [*self.tokens, *self.swap]):
            raise ValueError("key 'tokens'/'swap': an empty phrase matches everywhere")
        return self

    def _check_script(self) -> None:
        if self.scope == "across" and self.type != "script":
            raise ValueError("key 'scope': only a script can judge drafts across messages")
        if self.script is None:
            return
        known = ACROSS_SCRIPTS if self.scope == "across" else SCRIPTS
        if self.script not in known:
            where = "scope: across " if self.scope == "across" else ""
            raise ValueError(
                f"key 'script': no {where}script named {self.script!r}; "
                f"registered: {', '.join(sorted(known))}"
            )

    def _check_settings(self) -> None:
        known = Guidance.names() | {"note_chars"}
        for name, setting in self.limits.items():
            if setting not in known:
                raise ValueError(f"key 'limits': {name}: no setting named {setting!r}")


def parse_rules(entries: Any, source: str = "rules.yaml") -> tuple[Rule, ...]:
    """The rules of a parsed YAML document; the first bad entry raises a RuleError."""
    if not isinstance(entries, list):
        raise RuleError(f"{source}: expected a list of rules")
    rules: list[Rule] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, 1):
        rid = entry.get("id", f"#{number}") if isinstance(entry, dict) else f"#{number}"
        try:
            checked = RuleEntry.model_validate(entry)
        except ValidationError as error:
            raise RuleError(f"{source}: rule {rid}: {_explain(error)}") from None
        if checked.id in seen:
            raise RuleError(f"{source}: rule {rid}: key 'id': used by an earlier rule")
        seen.add(checked.id)
        rules.append(build(checked.model_dump(), source))
    return tuple(rules)


def parse_rule_files(files: dict[str, Any]) -> tuple[Rule, ...]:
    """The rules of several parsed rule files, in order; an id may be used only once."""
    rules: list[Rule] = []
    where: dict[str, str] = {}
    for source, entries in files.items():
        for rule in parse_rules(entries, source):
            if rule.id in where:
                raise RuleError(
                    f"{source}: rule {rule.id}: key 'id': already used in {where[rule.id]}"
                )
            where[rule.id] = source
            rules.append(rule)
    return tuple(rules)


def normalised(files: dict[str, Any]) -> list[dict[str, Any]]:
    """The entries checked, with every default filled in: what rules.checked.json holds."""
    parse_rule_files(files)  # raises on the first bad entry
    out = []
    for entries in files.values():
        for entry in entries:
            checked = RuleEntry.model_validate(entry).model_dump()
            # What each pattern needs in a text, read from its syntax tree once here:
            # parsing them all would cost `writer check` more than its whole check.
            checked["triggers"] = [
                derive(next(iter(p)) if isinstance(p, dict) else p, checked["case_sensitive"]) or []
                for p in checked["patterns"]
            ]
            out.append(checked)
    return out


def _explain(error: ValidationError) -> str:
    first = error.errors(include_url=False)[0]
    loc = [str(p) for p in first["loc"]]
    if first["type"] == "extra_forbidden":
        return f"key {loc[0]!r}: not a rule key; known keys: {', '.join(RuleEntry.model_fields)}"
    if first["type"] == "value_error":
        return str(first["msg"]).removeprefix("Value error, ")
    key = loc[0] if loc else "?"
    return f"key {key!r}: {first['msg']}"


__all__ = ["RuleEntry", "RuleError", "normalised", "parse_rule_files", "parse_rules"]

if __name__ == "__main__":
    from writer.checker.loading import write_checked

    print(f"wrote {write_checked()}")
