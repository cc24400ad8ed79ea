"""What the topic stage makes of a fragment: its kind, and the renderings a frame may use,
or why it is left out."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a usable fragment is about, in the order a message prefers them."""

    subject = "subject"  # a piece of work: "the move to Snowflake"
    view = "view"  # what the interviewer thinks or said: "upgrades always lag"
    common_ground = "common_ground"  # "we both studied in Leeds"
    own = "own"  # the candidate's own doing, said only in the first person
    logistics = "logistics"  # the hiring process: "offers go out in October"


@dataclass(frozen=True)
class Fragment:
    """A usable fragment and its renderings; a rendering is None when the fragment cannot
    be said well in that form.

    noun: fits "our conversation about ___" / "your perspective on ___".
    clause: fits "I enjoyed hearing that ___" / "what you said about how ___".
    sentence: stands alone ("It was fun to find out we both studied in Leeds.").
    """

    text: str
    kind: Kind
    noun: str | None
    clause: str | None
    sentence: str | None


@dataclass(frozen=True)
class LeftOut:
    """A fragment that must not go into a message, and why, in the candidate's words."""

    text: str
    reason: str

    @property
    def notice(self) -> str:
        return f"not used: '{self.text}' ({self.reason})"
