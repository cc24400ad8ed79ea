"""Does a tagger beat the hand rule at the noun slot? Renderings the offline composer put (or
would put) after 'about' / 'on' in my round-4 notes (benchmarks/notes14/r4), labelled by hand:
True when the words read as a noun phrase there. Prints JSON; run
`python benchmarks/noun_slot.py`. The TextBlob figures appear when `textblob` is importable
(not a dependency: install it in a scratch virtualenv and run this with it on PYTHONPATH and
the network blocked, `unshare -rn python benchmarks/noun_slot.py`)."""

from __future__ import annotations

import importlib
import json
import time

from writer.topics.jotting import sayable_noun

# (rendering, reads as a noun phrase after 'our conversation about')
LABELLED: list[tuple[str, bool]] = [
    ("the he said pre-seed round", False),
    ("the kept coming back to discharge summaries", False),
    ("the rota system hasnt been updated since 2017", False),
    ("rota system hasn't been updated since 2017", False),
    ("how precedent bank hasn't been updated since 2019", False),
    ("clients keep asking for AI features", False),
    ("reporting to funders takes forever", False),
    ("how USAID funding cut = need more trust and foundation grants", False),
    ("GCSE results down three years running", True),  # a phrase, if a trouble
    ("your plan for more girls taking CS", True),
    ("the IFRS 9 models due for revalidation by March", True),
    ("the Python migration from SAS", True),
    ("piloting EV vans in Dallas", True),
    ("updating the precedent bank", True),
    ("boss fights in the new IP", True),
    ("the Unreal 5 upgrade next quarter", True),
    ("the accessibility audit they did with a local charity", True),
    ("your plan to have the template live by March", True),
    ("how the team ships fast", True),
    ("the research data policy", True),
    ("your plan for a volunteer app you use google sheets", False),
    ("the site replatform to Shopify", True),
]


def _accuracy(judge: object) -> float:
    right = sum(judge(text) is ok for text, ok in LABELLED)  # type: ignore[operator]
    return round(right / len(LABELLED), 3)


def _textblob() -> dict[str, object]:
    try:
        start = time.perf_counter()
        taggers = importlib.import_module("textblob.taggers")
    except ImportError:
        return {"skipped": "textblob is not installed"}
    tagger = taggers.PatternTagger()
    import_ms = (time.perf_counter() - start) * 1000
    openers = {"how", "what", "why", "that", "to", "which", "who", "when", "where"}

    def phrase(text: str) -> bool:
        tags = tagger.tag(text)
        for i, (word, tag) in enumerate(tags):
            if word.casefold() in openers:
                return True
            if i and (tag.startswith("VBZ") or tag.startswith("VBP") or tag == "MD"):
                return False
            if i and tag == "VBD" and tags[i - 1][1] not in ("PRP",):
                return False
        return "=" not in text

    start = time.perf_counter()
    score = _accuracy(phrase)
    return {
        "import_ms": round(import_ms, 1),
        "ms_per_rendering": round((time.perf_counter() - start) * 1000 / len(LABELLED), 3),
        "accuracy": score,
        "wrong": [t for t, ok in LABELLED if phrase(t) is not ok],
    }


def main() -> None:
    print(
        json.dumps(
            {
                "renderings": len(LABELLED),
                "rule_accuracy": _accuracy(sayable_noun),
                "rule_wrong": [t for t, ok in LABELLED if sayable_noun(t) is not ok],
                "textblob_pattern_tagger": _textblob(),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
