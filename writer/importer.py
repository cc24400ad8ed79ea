"""`writer import`: a model turns free-form notes into the notes format, validated."""

from __future__ import annotations

import json
import re
from typing import Any, Protocol

import yaml
from pydantic import ValidationError

from writer.backends import BackendError
from writer.notes import Notes
from writer.prompt_files import fence_notes, load_prompt

_FENCE = re.compile(r"^```[a-z]*\n|\n?```$")


class Completer(Protocol):
    def complete(self, messages: list[dict[str, str]], *, json_mode: bool = False) -> str: ...


def import_notes(text: str, backend: Any) -> str:
    """YAML notes for the candidate to review. The model's JSON is validated by the notes
    model; invalid output is re-asked once with the validation error."""
    completer: Completer = backend
    messages = [
        {"role": "system", "content": load_prompt("import.md")},
        {"role": "user", "content": fence_notes(text)},
    ]
    problem = ""
    for _ in range(2):
        reply = completer.complete(messages, json_mode=True)
        try:
            notes = Notes.model_validate(json.loads(_FENCE.sub("", reply.strip())))
        except json.JSONDecodeError as error:
            problem = f"not valid JSON ({error.msg} at line {error.lineno})"
        except ValidationError as error:
            problem = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'top level'}: {e['msg']}"
                for e in error.errors(include_url=False)[:8]
            )
        else:
            return to_yaml(notes)
        messages += [
            {"role": "assistant", "content": reply},
            {
                "role": "user",
                "content": f"That is invalid: {problem}. Reply with the corrected "
                "JSON object only.",
            },
        ]
    raise BackendError(f"the model's notes were still invalid after a second try: {problem}")


def to_yaml(notes: Notes) -> str:
    """Notes as a YAML file, only the fields that say something."""
    data = notes.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data = {"candidate": data.pop("candidate", {"name": notes.candidate.name}), **data}
    head = "# Imported by `writer import`: check every line before you draft from it.\n"
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)
