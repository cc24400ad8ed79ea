"""The notes text after an edit in the form: the candidate's comments, key order and
quoting survive (ruamel.yaml's round trip); a JSON notes file stays JSON."""

from __future__ import annotations

import io
import json
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from writer.loader import read_mapping


def rewrite(previous: str, data: dict[str, Any], *, as_json: bool = False) -> str:
    """`previous` changed to hold exactly `data`, touching only what changed."""
    if as_json:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    yaml = YAML()  # round trip
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)  # "  - name:" as in the examples
    try:
        tree = yaml.load(previous)
    except YAMLError:
        tree = None  # a broken file: the form's data is all there is
    if not isinstance(tree, CommentedMap):
        tree = CommentedMap()
    out = io.StringIO()
    yaml.dump(_merged(tree, data, read_mapping(previous)), out)
    return out.getvalue()


def _merged(node: Any, value: Any, old: Any) -> Any:
    """`value` in place of `node`, where `old` is what `node` read as (the way notes are
    read: every scalar as text). What did not change keeps its text, quoting and comments;
    a changed mapping or list is changed inside, so the comments on the rest stay."""
    if value == old:
        return node
    if isinstance(node, CommentedMap) and isinstance(value, dict):
        before = old if isinstance(old, dict) else {}
        for key in [k for k in node if k not in value]:
            del node[key]
        for key, item in value.items():
            node[key] = _merged(node[key], item, before.get(key)) if key in node else item
        return node
    if isinstance(node, CommentedSeq) and isinstance(value, list):
        items = old if isinstance(old, list) else []
        for index, item in enumerate(value):
            if index < len(node):
                was = items[index] if index < len(items) else None
                node[index] = _merged(node[index], item, was)
            else:
                node.append(item)
        del node[len(value) :]
        return node
    return value
