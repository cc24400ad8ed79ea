"""Eval results for people: a terminal table, Markdown, and a self-contained HTML page with
bar charts and the worst cases beside their references."""

from __future__ import annotations

import html
from typing import Any

from writer.evals import HIGHER_IS_BETTER, LOWER_IS_BETTER

METRICS = HIGHER_IS_BETTER + LOWER_IS_BETTER


def table(result: dict[str, Any], other: dict[str, Any] | None = None) -> str:
    """The headline metrics (beside a second run's, when comparing)."""
    head = f"{'metric':<30} {result['backend']:>14}"
    if other:
        head += f" {other['backend']:>14}"
    lines = [head, "-" * len(head)]
    for name in METRICS:
        row = f"{name:<30} {result['metrics'].get(name, '-'):>14}"
        if other:
            row += f" {other['metrics'].get(name, '-'):>14}"
        lines.append(row)
    lines.append(f"{'cases / drafts':<30} {result['cases']:>6} / {result['drafts']:<6}")
    tokens = result["tokens"]
    lines.append(
        f"{'tokens (prompt + completion)':<30} {tokens['prompt_tokens']} + "
        f"{tokens['completion_tokens']}"
    )
    latency = result["latency_seconds"]
    lines.append(f"{'latency per case p50 / p95':<30} {latency['p50']} s / {latency['p95']} s")
    return "\n".join(lines) + "\n"


def worst(result: dict[str, Any], count: int = 6) -> list[dict[str, Any]]:
    messages = [dict(m, case=r["id"]) for r in result["runs"] for m in r["messages"]]
    return sorted(messages, key=lambda m: (all(m["assertions"]), m["rouge_l"]))[:count]


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"# Eval: {result['backend']}" + (f" ({result['model']})" if result["model"] else ""),
        "",
        "```",
        table(result),
        "```",
        "",
        "## Per message kind",
        "",
        "| kind | drafts | clean | mean attempts |",
        "| --- | --- | --- | --- |",
    ]
    for kind, row in result["per_kind"].items():
        lines.append(
            f"| {kind} | {row['drafts']} | {row['clean_share']} | {row['mean_attempts']} |"
        )
    lines += ["", "## Findings per rule", "", "| rule | findings |", "| --- | --- |"]
    lines += [f"| `{rule}` | {n} |" for rule, n in result["per_rule"].items()]
    lines += ["", "## Worst cases", ""]
    for m in worst(result):
        lines += [
            f"### {m['case']}: {m['to']}, {m['kind']} (ROUGE-L {m['rouge_l']})",
            "",
            "Draft:",
            "",
            "> " + (m["text"] or "(none)").replace("\n", "\n> "),
            "",
            "Reference:",
            "",
            "> " + m["reference"].replace("\n", "\n> "),
            "",
        ]
    return "\n".join(lines) + "\n"


def _bars(values: dict[str, float], scale: float = 1.0) -> str:
    width, row = 420, 22
    parts = [
        f'<svg width="{width + 330}" height="{row * len(values) + 6}" '
        'xmlns="http://www.w3.org/2000/svg" role="img">'
    ]
    for i, (name, value) in enumerate(values.items()):
        length = max(0.0, min(1.0, value / scale)) * width
        y = i * row + 3
        parts.append(f'<text x="0" y="{y + 15}" font-size="13">{html.escape(name)}</text>')
        parts.append(f'<rect x="250" y="{y}" width="{length:.1f}" height="16" fill="#3b82f6"/>')
        parts.append(f'<text x="{255 + length:.1f}" y="{y + 13}" font-size="12">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


def html_page(result: dict[str, Any]) -> str:
    title = f"writer eval: {result['backend']}" + (
        f" ({result['model']})" if result["model"] else ""
    )
    rates = {n: result["metrics"][n] for n in HIGHER_IS_BETTER}
    kinds = {k: v["clean_share"] for k, v in result["per_kind"].items()}
    rules = dict(list(result["per_rule"].items())[:12])
    top = max(rules.values(), default=1)
    rows = "".join(
        f"<tr><td>{html.escape(m['case'])}<br><small>{html.escape(m['to'])} · "
        f"{html.escape(m['kind'])} · ROUGE-L {m['rouge_l']}</small></td>"
        f"<td><pre>{html.escape(m['text'] or '(none)')}</pre><small>"
        f"{html.escape(', '.join(m.get('findings', [])))}</small></td>"
        f"<td><pre>{html.escape(m['reference'])}</pre></td></tr>"
        for m in worst(result)
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #111; }}
pre {{ white-space: pre-wrap; font-family: inherit; margin: 0; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border: 1px solid #ddd; padding: .5rem; vertical-align: top; }}
th {{ background: #f3f4f6; text-align: left; }}
</style></head><body>
<h1>{html.escape(title)}</h1>
<p>{result["cases"]} cases, {result["drafts"]} drafts; mean attempts
{result["metrics"]["mean_attempts"]}; grounding warnings per draft
{result["metrics"]["grounding_warnings_per_draft"]}; tokens
{result["tokens"]["prompt_tokens"]} + {result["tokens"]["completion_tokens"]}; latency per case
p50 {result["latency_seconds"]["p50"]} s, p95 {result["latency_seconds"]["p95"]} s.</p>
<h2>Metrics</h2>{_bars(rates)}
<h2>Clean drafts per message kind</h2>{_bars(kinds)}
<h2>Findings per rule</h2>{_bars({k: float(v) for k, v in rules.items()}, scale=top)}
<h2>Worst cases, beside their references</h2>
<table><tr><th>case</th><th>draft</th><th>reference</th></tr>{rows}</table>
</body></html>
"""
