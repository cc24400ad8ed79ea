"""The planner's rules: id, what each says, and where it comes from (docs/guidance.md)."""

# id -> (what the rule says, where it comes from); the README's planner table lists these.
PLANNER_RULES: dict[str, tuple[str, str]] = {
    "email.always": (
        "Send a thank-you email to every interviewer; LinkedIn only supplements it",
        "000 §10, Key Takeaways; 001 Other Ways",
    ),
    "email.within_24h": (
        "Thank-you email: from the end of the interview to 24 h after it",
        "careers-advice consensus; 001",
    ),
    "email.late": (
        "A thank-you more than 3 days late is optional, and the draft owns the delay in a clause",
        "careers advice (late thanks beat none, but say so)",
    ),
    "email.sent": (
        "A thank-you email already sent (email_sent_on in the notes, or the ledger) is not "
        "planned again",
        "—",
    ),
    "email.after_message": (
        "No late thank-you email to someone already messaged on LinkedIn since (it would "
        "thank them twice)",
        "001 Avoid Excessive Follow-Ups; 000 §4",
    ),
    "connect.wait_24h": ("Connection request: not before 24 h after the interview ends", "000 §1"),
    "connect.within_days": (
        "…and within a few days: 24 h to 72 h after the end",
        "001 within a few days",
    ),
    "connect.decision_makers": ("Connect with people who influence the decision", "000 §3"),
    "connect.not_hr": (
        "HR coordinators and recruiters: skip while the decision is pending",
        "000 §3",
    ),
    "connect.never_repeat": (
        "A pending, declined or withdrawn request is never sent again",
        "000 §5; LinkedIn Help a551012",
    ),
    "connect.already_connected": ("Already connected: no request to send", "—"),
    "connect.poor_interview": (
        "Interview went poorly: wait for feedback before connecting",
        "001 When to Hold Off",
    ),
    "connect.formal_minimal": (
        "Formal culture and minimal rapport: don't connect now",
        "001 Highly Formal Environments",
    ),
    "connect.minimal_rapport": ("Minimal rapport elsewhere: optional", "000 §3; 001"),
    "connect.mutuals": ("Mutual connections raise acceptance; suggest an introduction", "000 §9"),
    "connect.note_budget": (
        "Free accounts: about 5 personalized notes a month",
        "LinkedIn Help a550555",
    ),
    "follow_up.after_accept": (
        "After acceptance: one short message within 48 h, never a second",
        "001; 000 §4",
    ),
    "follow_up.email_for_status": ("Status questions go by email, not LinkedIn messages", "000 §4"),
    "rejected.disconnect": (
        "Rejected: disconnecting is optional for minimal-rapport contacts",
        "000 §7",
    ),
    "rejected.network": (
        "Rejected or withdrew: connecting is optional, for the network",
        "000 benefits; 001 Future Networking",
    ),
    "offer.connect": ("Offer received: connecting is no longer presumptuous", "000; 001"),
    "connect.weekly_limit": (
        "About 100 invitations a week (invites_per_week): at the cap, requests wait",
        "LinkedIn Help a550555; third-party reports",
    ),
    "connect.withdrawn_cooldown": (
        "A withdrawn invitation blocks re-inviting that person for 3 weeks",
        "LinkedIn Help a551012",
    ),
    "status.after_decision_date": (
        "A status email: never before the stated decision date; 1-2 business days after it "
        "(planned on the 2nd)",
        "careers advice; 000 §4",
    ),
    "status.no_date": (
        "No date given: 5-7 business days after the interview; a reply (heard_back_on) cancels it",
        "careers advice",
    ),
    "status.at_most_two": (
        "At most a second status email, a week after the first; then the loop is cold",
        "careers advice; 001 Avoid Excessive Follow-Ups",
    ),
    "status.addressed_to": (
        "One status email, to whoever gave the timeline (decision_from, else the recruiter, "
        "else the hiring manager), not one per panelist; never on LinkedIn",
        "careers advice",
    ),
    "rejected.reply": (
        "Rejected: a short gracious reply within a business day (thanks, stay in touch, "
        "optionally ask for feedback); never argue",
        "001 Future Networking Opportunities; careers advice",
    ),
    "outcome.one_message": (
        "Once the outcome is known, the reply to it is the one message that day: a late "
        "thank-you or a follow-up to the same person is folded into it",
        "001 Avoid Excessive Follow-Ups; careers advice",
    ),
    "offer.reply": (
        "Offer: thanks within a business day, and ask for time to decide or confirm next "
        "steps; no negotiation in it",
        "careers advice",
    ),
}

# id -> what a plan warning says; they sit on `Plan.warnings`, not on an action.
PLAN_WARNINGS: dict[str, str] = {
    "interview.date_only": "interview.start is a date alone: 09:00 local time was assumed",
    "interview.no_end": "interview.end is missing: start + 1 h was assumed",
    "plan.long_past": "The interview was more than 30 days ago: the loop is long past",
}
