"""The message-kind vocabulary, written once: what the planner plans, what gets drafted, and
how each kind is labelled, limited, prompted and recorded.

Everything that lists kinds reads these tables, so a new kind is one `KindSpec` here plus
its composer templates, prompt file and checker rules. Standard library only: `writer check`
imports this and starts fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from writer.guidance import Guidance


class ActionKind(StrEnum):
    """What the planner tells the candidate to do."""

    thank_you_email = "thank_you_email"
    connection_request = "connection_request"
    follow_up_message = "follow_up_message"
    disconnect = "disconnect"
    status_email = "status_email"
    rejection_reply = "rejection_reply"
    offer_reply = "offer_reply"
    # Not planned: recorded with `writer sent --kind heard_back` when they reply, it cancels
    # the status email (status.no_date, status.after_decision_date).
    heard_back = "heard_back"


class MessageKind(StrEnum):
    """What gets drafted and checked."""

    thank_you_email = "thank_you_email"
    connection_note = "connection_note"
    follow_up_message = "follow_up_message"
    status_email = "status_email"
    rejection_reply = "rejection_reply"
    offer_reply = "offer_reply"


@dataclass(frozen=True)
class KindSpec:
    """One message kind: every fact about it that more than one module needs."""

    kind: MessageKind
    action: ActionKind  # the action that sends it (and the kind the ledger records)
    label: str  # "thank-you email"
    short: str  # the app's draft list: "email"
    mark: str  # the plan timeline's letter for its action
    unit: str  # how its length is measured: "words" or "chars"
    limit_setting: str  # the Guidance field (or tier method) holding its length limit
    prompt: str  # its prompt file under prompts/
    has_subject: bool
    aliases: tuple[str, ...]  # other names `--kind` accepts for it

    def limit(self, guidance: Guidance, tier: str) -> int:
        """The length limit shown beside a message of this kind."""
        if self.unit == "chars":
            return guidance.note_chars(tier)
        value = getattr(guidance, self.limit_setting)
        assert isinstance(value, int)
        return value


SPECS: dict[MessageKind, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec(
            kind=MessageKind.thank_you_email,
            action=ActionKind.thank_you_email,
            label="thank-you email",
            short="email",
            mark="E",
            unit="words",
            limit_setting="email_words_max",
            prompt="thank_you_email.md",
            has_subject=True,
            aliases=("email",),
        ),
        KindSpec(
            kind=MessageKind.connection_note,
            action=ActionKind.connection_request,
            label="connection note",
            short="note",
            mark="C",
            unit="chars",
            limit_setting="note_chars",
            prompt="connection_note.md",
            has_subject=False,
            aliases=("note",),
        ),
        KindSpec(
            kind=MessageKind.follow_up_message,
            action=ActionKind.follow_up_message,
            label="follow-up message",
            short="msg",
            mark="M",
            unit="words",
            limit_setting="message_words_max",
            prompt="follow_up_message.md",
            has_subject=False,
            aliases=("message",),
        ),
        KindSpec(
            kind=MessageKind.status_email,
            action=ActionKind.status_email,
            label="status email",
            short="status",
            mark="S",
            unit="words",
            limit_setting="reply_words_max",
            prompt="status_email.md",
            has_subject=True,
            aliases=("status",),
        ),
        KindSpec(
            kind=MessageKind.rejection_reply,
            action=ActionKind.rejection_reply,
            label="reply to a rejection",
            short="reject",
            mark="R",
            unit="words",
            limit_setting="reply_words_max",
            prompt="rejection_reply.md",
            has_subject=True,
            aliases=("rejection",),
        ),
        KindSpec(
            kind=MessageKind.offer_reply,
            action=ActionKind.offer_reply,
            label="reply to an offer",
            short="offer",
            mark="O",
            unit="words",
            limit_setting="reply_words_max",
            prompt="offer_reply.md",
            has_subject=True,
            aliases=("offer",),
        ),
    )
}

KINDS: tuple[MessageKind, ...] = tuple(SPECS)
MESSAGE_FOR_ACTION: dict[ActionKind, MessageKind] = {s.action: s.kind for s in SPECS.values()}
# What the ledger records: the actions that send a message, and a reply from them.
SENT_KINDS: tuple[ActionKind, ...] = (*MESSAGE_FOR_ACTION, ActionKind.heard_back)
_ACTION_LABELS = {
    ActionKind.connection_request: "connection request",
    ActionKind.heard_back: "reply from them",
}


def spec(kind: str) -> KindSpec:
    """The spec of a message kind (a `MessageKind` or its value)."""
    return SPECS[MessageKind(kind)]


def label(kind: str) -> str:
    """A message or action kind as a reader says it: 'thank-you email', 'connection request'."""
    if kind in _ACTION_LABELS:
        return _ACTION_LABELS[ActionKind(kind)]
    if kind in SPECS:
        return SPECS[MessageKind(kind)].label
    return kind.replace("_", " ")


def message_kind(name: str) -> MessageKind | None:
    """The message kind `name` means on the command line: its value, an alias, or the action
    that sends it (`connection_request` → `connection_note`)."""
    for s in SPECS.values():
        if name in (s.kind.value, s.action.value, *s.aliases):
            return s.kind
    return None


def sent_kind(name: str) -> ActionKind | None:
    """The action `writer sent --kind` means: an action, or a message kind or alias of one."""
    if name in (ActionKind.heard_back.value, "reply"):
        return ActionKind.heard_back
    kind = message_kind(name)
    return SPECS[kind].action if kind is not None else None


def mark(action: ActionKind) -> str:
    """The plan timeline's letter for an action ('·' for one that sends nothing)."""
    kind = MESSAGE_FOR_ACTION.get(action)
    return SPECS[kind].mark if kind is not None else "·"


class MessagePart(StrEnum):
    """Where in a message a checker finding points."""

    text = "text"
    subject = "subject"
