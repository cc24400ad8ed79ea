"""Every number the planner and the checker use, in one place (docs/guidance.md)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Guidance:
    """Defaults for the planner's windows and the checker's limits.

    A dataclass rather than a pydantic model so that `writer check` starts fast.
    """

    # Planner windows, in hours after the interview ends (or after acceptance).
    email_within_hours: float = 24
    connect_after_hours: float = 24
    connect_within_hours: float = 72
    follow_up_within_hours: float = 48
    # A thank-you this many days after its window closed is optional (email.late); a loop
    # this many days after the interview is long past (no "send it now" advice).
    email_late_after_days: float = 3
    loop_long_past_days: float = 30
    # Free LinkedIn accounts get a few personalized notes a month (figures vary 3-10).
    free_note_budget: int = 5
    # LinkedIn caps invitations at about 100 a week, and a withdrawn one blocks re-inviting
    # that person for three weeks.
    invites_per_week: int = 100
    reinvite_block_days: int = 21
    # Status emails (status.*): business days skip weekends and these ISO dates.
    holidays: tuple[str, ...] = ()
    status_after_decision_days: int = 2  # write on this business day after decision_by
    status_no_date_from_days: int = 5
    status_no_date_to_days: int = 7
    status_second_after_days: int = 7  # calendar days after the first
    status_max: int = 2
    reply_within_days: int = 1  # business days to answer a rejection or an offer
    workday_start_hour: int = 9
    workday_end_hour: int = 18

    # Checker limits.
    note_chars_free: int = 200
    note_chars_premium: int = 300
    email_words_min: int = 50
    email_words_max: int = 200
    email_words_error: int = 300
    message_words_max: int = 120
    message_words_error: int = 250
    reply_words_max: int = 150
    emoji_flood: int = 3
    exclamations_warn: int = 1
    exclamations_error: int = 3
    superlatives_warn: int = 1
    em_dashes_warn: int = 2
    distinct_similarity: float = 0.9
    name_min_length: int = 4

    def note_chars(self, tier: str) -> int:
        """The connection-note character limit for a LinkedIn tier."""
        return self.note_chars_premium if tier == "premium" else self.note_chars_free

    @classmethod
    def names(cls) -> set[str]:
        """Field names, so rules that refer to a setting can be validated."""
        return {f.name for f in fields(cls)}


DEFAULT_GUIDANCE = Guidance()
