"""writer: plans, drafts and checks the messages a candidate sends after a job interview.

The library API every front end uses::

    notes = load_notes("examples/acme-final-round.yaml")
    plan = plan_for(notes, now)
    drafts = draft_all(notes, plan, OfflineBackend())
"""

__version__ = "0.1.0"
