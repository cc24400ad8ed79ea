"""Tone classes widened in the corpus round 'ckcorpus' from two batches of our own sentences
(none copied from the corpus): the decision called easy, the reader lucky, the writer above
the process; the offer assumed; elapsed time, attempts and patience counted; a deadline at
the end of the day; calls and visits announced; the reader's loss of the email, the least
they could do, the writer as no priority; the interview, the panel or the offer belittled.
Each text trips its rule on the offending words; each near miss, worded close to it, does
not."""

from __future__ import annotations

import pytest

from tests.rule_cases import cases, misses, trips
from writer.checker import check_text
from writer.kinds import MessageKind

T, N, F, S = "thank_you_email", "connection_note", "follow_up_message", "status_email"
CASES = cases(
    [
        (
            "tone.entitled",
            S,
            "Considering my track record, this should be an easy decision for you.",
            "this should be an easy decision",
            "The handover should be an easy one for the team, with the runbook done.",
        ),
        (
            "tone.entitled",
            S,
            "It should be obvious that I'm the right hire.",
            "It should be obvious that I",
            "It should be clear from the deck how the pipeline works.",
        ),
        (
            "tone.entitled",
            S,
            "You would be lucky to have me on your team.",
            "You would be lucky to have me",
            "I would be lucky to learn from your team.",
        ),
        (
            "tone.entitled",
            S,
            "I trust you will make the right decision and offer me the role.",
            "make the right decision and offer me",
            "I trust the team will make the right decision for the product.",
        ),
        (
            "tone.entitled",
            S,
            "I expect you will offer me the position.",
            "I expect you",
            "I trust you will have a good week at the offsite.",
        ),
        (
            "tone.entitled",
            S,
            "I am sure you will agree that my record speaks well.",
            "I am sure you will agree",
            "I am sure you will enjoy the conference.",
        ),
        (
            "tone.entitled",
            S,
            "I am exactly what your team needs.",
            "I am exactly what your team needs",
            "The role is exactly what I have been looking for.",
        ),
        (
            "tone.entitled",
            S,
            "I am too experienced to be asked to do a take-home test.",
            "I am too experienced to",
            "I am glad to do the take-home test this week.",
        ),
        (
            "tone.entitled",
            S,
            "With my qualifications I should not need a second interview.",
            "should not need a second interview",
            "I would be glad to come in for a second interview.",
        ),
        (
            "tone.entitled",
            S,
            "I think my experience entitles me to some feedback.",
            "entitles me to",
            "I'd welcome any feedback you are able to share.",
        ),
        (
            "tone.entitled",
            S,
            "I was promised a decision this week and I will hold you to it.",
            "hold you to it",
            "I will hold the Tuesday slot for the final round.",
        ),
        (
            "tone.entitled",
            S,
            "I am more than qualified for this role.",
            "I am more than qualified",
            "I am well prepared for the role's reporting work.",
        ),
        (
            "tone.entitled",
            S,
            "I'm overqualified for this position, frankly.",
            "I'm overqualified",
            "I'm qualified as a CPA and keen on the audit work.",
        ),
        (
            "tone.entitled",
            S,
            "You should hire me.",
            "You should hire me",
            "You should have the references by Friday.",
        ),
        (
            "tone.entitled",
            S,
            "There is no reason not to hire me.",
            "There is no reason not to hire",
            "There is no reason to rush the decision on my account.",
        ),
        (
            "tone.entitled",
            S,
            "Hiring me is the smart move.",
            "Hiring me is the smart move",
            "Moving the billing service was a smart move, as you said.",
        ),
        (
            "tone.entitled",
            S,
            "I'm not used to being turned down.",
            "not used to being turned down",
            "I'm not used to on-call work yet, but I'm keen to learn.",
        ),
        (
            "tone.entitled",
            S,
            "Other companies are lining up to hire me.",
            "lining up to hire me",
            "Other teams are lining up to use your tracing tool.",
        ),
        (
            "tone.entitled",
            S,
            "My time is valuable, so I'd appreciate a quick decision.",
            "My time is valuable",
            "Your time is valuable, so I'll keep this short.",
        ),
        (
            "tone.entitled",
            S,
            "I will accept nothing less than a senior title.",
            "accept nothing less than",
            "I'd be glad to talk about the title with the recruiter.",
        ),
        (
            "tone.entitled",
            S,
            "I hope you realise what you're missing.",
            "realise what you're missing",
            "I hope you enjoy the offsite.",
        ),
        (
            "tone.entitled",
            S,
            "I'm certain I'm the one you're looking for.",
            "I'm certain I'm the one you're looking for",
            "I'm certain the migration plan you described will work.",
        ),
        (
            "tone.entitled",
            S,
            "I would be an asset and you know it.",
            "and you know it",
            "I would enjoy the work, as you know from our chat.",
        ),
        (
            "presumptuous",
            T,
            "I look forward to receiving your offer.",
            "look forward to receiving your offer",
            "I look forward to receiving the case study brief.",
        ),
        (
            "presumptuous",
            T,
            "I assume the offer is on its way.",
            "I assume the offer",
            "I assume the panel will meet next week.",
        ),
        (
            "presumptuous",
            T,
            "Please send the contract so I can review it.",
            "send the contract",
            "Please send the case study whenever it suits you.",
        ),
        (
            "presumptuous",
            T,
            "I'd like to schedule the next interview for Monday.",
            "schedule the next interview for",
            "I'd be glad to schedule a call with the recruiter if useful.",
        ),
        (
            "tone.impatient",
            S,
            "It's been ten days since the interview.",
            "It's been ten days",
            "It's been a pleasure to learn about the team.",
        ),
        (
            "tone.impatient",
            S,
            "I still have no answer about the role.",
            "I still have no answer",
            "I have no questions about the role at this point.",
        ),
        (
            "tone.impatient",
            S,
            "This is my fourth email about the same thing.",
            "This is my fourth email",
            "This is my first time applying to Acme.",
        ),
        (
            "tone.impatient",
            S,
            "I've emailed three times now without a reply.",
            "I've emailed three times",
            "I've emailed the references you asked for.",
        ),
        (
            "tone.impatient",
            S,
            "I have been more than patient.",
            "I have been more than patient",
            "Thank you for being patient with my questions.",
        ),
        (
            "tone.impatient",
            S,
            "My patience is wearing thin.",
            "My patience is wearing thin",
            "Thank you for your patience while I gathered the documents.",
        ),
        (
            "tone.impatient",
            S,
            "I've waited long enough.",
            "I've waited long enough",
            "I've waited tables, so I know busy weekends.",
        ),
        (
            "tone.impatient",
            S,
            "I would have expected a decision by now.",
            "would have expected a decision by now",
            "I expected the panel to ask about testing, and it did.",
        ),
        (
            "tone.impatient",
            S,
            "I really need to hear something soon.",
            "I really need to hear something soon",
            "I really enjoyed hearing about the roadmap.",
        ),
        (
            "tone.impatient",
            S,
            "I'll follow up every few days until I hear back.",
            "follow up every few days until I hear",
            "I'll follow up with the writing samples on Monday.",
        ),
        (
            "tone.impatient",
            S,
            "Still nothing?",
            "Still nothing",
            "I still think about the schema question.",
        ),
        (
            "tone.impatient",
            S,
            "I've been checking my email every hour.",
            "checking my email every",
            "I've been checking the dashboards you showed me.",
        ),
        (
            "tone.impatient",
            S,
            "I'm losing patience.",
            "losing patience",
            "I'm losing none of my interest in the role.",
        ),
        (
            "tone.impatient",
            S,
            "The wait is killing me.",
            "The wait is killing",
            "The wait for the keynote was worth it.",
        ),
        (
            "tone.impatient",
            S,
            "Another week has passed without news.",
            "Another week has passed",
            "I hope your week has gone well.",
        ),
        (
            "tone.impatient",
            S,
            "Nobody has got back to me.",
            "Nobody has got back to me",
            "Sam has got back to me about the references.",
        ),
        (
            "tone.impatient",
            S,
            "I've been sitting by the phone all week.",
            "sitting by the phone",
            "I've been reading about the phone app you launched.",
        ),
        (
            "tone.impatient",
            S,
            "I'd appreciate a decision quickly.",
            "appreciate a decision quickly",
            "I'd appreciate your view on the case study.",
        ),
        (
            "tone.deadline",
            S,
            "I'd like an update on where things stand by end of day.",
            "I'd like an update on where things stand by end of day",
            "I'll send you an update on my references by Friday.",
        ),
        (
            "pushy",
            N,
            "I will be calling you tomorrow to hear your decision.",
            "I will be calling you",
            "I will be calling in from Leeds for the panel.",
        ),
        (
            "pushy",
            N,
            "So, did I get the job?",
            "did I get the job?",
            "I was glad to get the job description ahead of time.",
        ),
        (
            "pushy",
            N,
            "Any word on a decision yet?",
            "Any word on a decision",
            "Any word on the conference talk would be great to hear.",
        ),
        (
            "pushy",
            N,
            "If I don't hear from you by Friday, I'll call.",
            "If I don't hear from you by",
            "If I don't have the slides by Friday, I'll send a draft.",
        ),
        ("pushy", N, "Please call me back today.", "call me back today", "Please call me Sam."),
        (
            "pushy",
            N,
            "I'll stop by your office on Friday.",
            "stop by your office",
            "I'll stop by the demo booth at the conference.",
        ),
        (
            "pushy",
            N,
            "I look forward to your call tomorrow.",
            "look forward to your call tomorrow",
            "I look forward to your talk at the meetup.",
        ),
        (
            "pushy",
            N,
            "I will contact you next week to arrange a second meeting.",
            "I will contact you next week",
            "I will contact the references next week, as you asked.",
        ),
        (
            "pushy",
            N,
            "I'll give you a ring on Thursday.",
            "give you a ring",
            "I'll give you a copy of the report.",
        ),
        (
            "pushy",
            N,
            "I'll check back in a couple of days.",
            "check back in",
            "I'll check the numbers in the appendix.",
        ),
        (
            "tone.passive",
            F,
            "Thanks for reading this one, unlike the others.",
            "unlike the others",
            "Thanks for reading the draft, like the others on the team.",
        ),
        (
            "tone.passive",
            F,
            "I'm reattaching my CV since you seem to have misplaced it.",
            "you seem to have misplaced",
            "I'm attaching my CV in case it is useful.",
        ),
        (
            "tone.passive",
            F,
            "It would be great to get a reply this time.",
            "reply this time",
            "It would be great to hear how the launch goes.",
        ),
        (
            "tone.passive",
            F,
            "Hope you're well, or at least well enough to reply.",
            "well enough to reply",
            "Hope you're well and the launch went smoothly.",
        ),
        (
            "tone.passive",
            F,
            "I'm sure my email just got lost again.",
            "got lost again",
            "I'm sure the launch will go well again.",
        ),
        (
            "tone.passive",
            F,
            "Some of us have been waiting quite a while.",
            "Some of us have been waiting",
            "Some of us in the data team use dbt daily.",
        ),
        (
            "tone.passive",
            F,
            "In case you forgot who I am, I interviewed on Monday.",
            "In case you forgot who I am",
            "In case it helps, I interviewed with Sam on Monday.",
        ),
        (
            "tone.passive",
            F,
            "Just a reminder that I exist.",
            "reminder that I exist",
            "Just a note that I have sent the samples.",
        ),
        (
            "tone.passive",
            F,
            "A simple yes or no would suffice.",
            "A simple yes or no would suffice",
            "A simple checklist would help, as you said.",
        ),
        (
            "tone.passive",
            F,
            "Even a no would be nice.",
            "Even a no would be nice",
            "Even a short call would be a pleasure.",
        ),
        (
            "tone.passive",
            F,
            "I'd rather hear a no than nothing.",
            "rather hear a no than nothing",
            "I'd rather start in March than February, if that suits.",
        ),
        (
            "tone.passive",
            F,
            "Please at least let me know.",
            "Please at least let me know",
            "Please let me know if you need anything else.",
        ),
        (
            "tone.passive",
            F,
            "It would be nice to know either way.",
            "would be nice to know either way",
            "It would be nice to know more about the analytics stack.",
        ),
        (
            "tone.passive",
            F,
            "Clearly I'm not a priority.",
            "I'm not a priority",
            "Clearly the migration is a priority for the team.",
        ),
        (
            "tone.passive",
            F,
            "I get it, you're busy.",
            "I get it, you're busy",
            "I know you're busy with the launch, so I'll keep this short.",
        ),
        (
            "tone.passive",
            F,
            "I won't bother you again.",
            "I won't bother you again",
            "I won't be available on the 12th.",
        ),
        (
            "tone.passive",
            F,
            "Maybe you're just not interested.",
            "Maybe you're just not interested",
            "Maybe you're interested in the article I mentioned.",
        ),
        (
            "tone.passive",
            F,
            "I'm beginning to wonder if anyone reads these emails.",
            "beginning to wonder if anyone",
            "I'm beginning to read about the compliance work.",
        ),
        (
            "tone.passive",
            F,
            "Is there a reason you haven't replied?",
            "Is there a reason you haven't replied",
            "Is there a reason the team chose Go? I'd love to hear it.",
        ),
        (
            "tone.passive",
            F,
            "As I mentioned in my last email, I am still keen.",
            "As I mentioned",
            "As I mentioned on our call, I can start in March.",
        ),
        (
            "tone.rude",
            S,
            "Your interview questions were pointless.",
            "Your interview questions were pointless",
            "Your interview questions were thoughtful.",
        ),
        (
            "tone.rude",
            S,
            "The whole thing felt like a waste.",
            "The whole thing felt like a waste",
            "The whole day felt well organised.",
        ),
        (
            "tone.rude",
            S,
            "I've had better interviews at fast food places.",
            "I've had better interviews",
            "I've had better luck with Postgres than with Mongo.",
        ),
        (
            "tone.rude",
            S,
            "Your company clearly doesn't value people's time.",
            "Your company clearly doesn't value people's time",
            "Your company clearly values people's growth.",
        ),
        (
            "tone.rude",
            S,
            "I don't think your team knows what it's doing.",
            "I don't think your team knows what",
            "I think your team knows what it wants from the role.",
        ),
        (
            "tone.rude",
            S,
            "You obviously didn't read my resume.",
            "You obviously didn't read my resume",
            "You may have seen my resume already.",
        ),
        (
            "tone.rude",
            S,
            "I'm not impressed with how this company operates.",
            "I'm not impressed with how",
            "I'm impressed with how this company operates.",
        ),
        (
            "tone.rude",
            S,
            "This is no way to run a business.",
            "This is no way to run",
            "This is a good way to run a retrospective.",
        ),
        (
            "tone.rude",
            S,
            "Get your act together.",
            "Get your act together",
            "Get the act together for the demo day, as you joked.",
        ),
        (
            "tone.rude",
            S,
            "Shame on your company.",
            "Shame on your",
            "It's a shame I missed your team lunch.",
        ),
        (
            "tone.rude",
            S,
            "Your process is broken.",
            "Your process is broken",
            "Your process is clear and well run.",
        ),
        (
            "tone.rude",
            S,
            "That was a terrible interview.",
            "terrible interview",
            "That was a thorough interview.",
        ),
        (
            "tone.rude",
            S,
            "The interviewer was clueless.",
            "The interviewer was clueless",
            "The interviewer was kind and clear.",
        ),
        (
            "tone.rude",
            S,
            "I felt disrespected by the way I was treated.",
            "felt disrespected",
            "I felt welcomed by the way I was treated.",
        ),
        (
            "tone.rude",
            S,
            "I was not treated with respect.",
            "was not treated with respect",
            "I was treated with real courtesy.",
        ),
        (
            "tone.rude",
            S,
            "I have no interest in working for someone like you.",
            "working for someone like you",
            "I'd love to work for someone with your experience.",
        ),
        (
            "tone.rude",
            S,
            "The interviewer kept checking his phone.",
            "kept checking his phone",
            "The interviewer kept the discussion on track.",
        ),
        (
            "tone.rude",
            S,
            "I've read your reviews and now I understand why.",
            "and now I understand why",
            "I've read your blog and now I understand the design.",
        ),
        (
            "tone.rude",
            S,
            "The salary you mentioned is laughable.",
            "salary you mentioned is laughable",
            "The salary you mentioned is in line with my research.",
        ),
        (
            "tone.rude",
            S,
            "I withdraw my application because of how I was treated.",
            "withdraw my application because of how",
            "I withdraw my application because I have accepted another offer.",
        ),
        (
            "tone.rude",
            S,
            "Nobody there seemed to care.",
            "Nobody there seemed to care",
            "Everyone there seemed to care about the product.",
        ),
        (
            "tone.rude",
            S,
            "You wasted an entire day of my life.",
            "wasted an entire day",
            "I spent an entire day on the case study and enjoyed it.",
        ),
        (
            "tone.rude",
            S,
            "Your questions made no sense.",
            "questions made no sense",
            "Your questions made me think about testing.",
        ),
        (
            "tone.impatient",
            S,
            "I have not yet heard back about the role.",
            "I have not yet heard",
            "I have not yet had the chance to try the app, but I will.",
        ),
        (
            "tone.impatient",
            S,
            "Contrary to your promised call, nobody rang.",
            "Contrary to your promised",
            "Contrary to popular belief, Kafka is simple to run.",
        ),
    ]
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.trip[:24]}")
def test_trips_on_the_offending_words(case: object) -> None:
    trips(case)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.near_miss[:24]}")
def test_near_miss_passes(case: object) -> None:
    misses(case)  # type: ignore[arg-type]


BODY = (
    "Dear Ms. Patel,\n\nThank you for meeting with me on Tuesday about the analyst role. "
    "I enjoyed hearing about the forecasting work."
)


def _contact(text: str) -> list[str]:
    report = check_text(MessageKind.thank_you_email, text, subject="Thank you")
    return [text[f.start : f.end] for f in report.findings if f.rule == "hostile.contact_details"]


@pytest.mark.parametrize(
    "closing",
    [
        "Sincerely yours,\nJordan Lee\njordan.lee@mail.example",
        "Thank you again,\nJordan Lee\njordan.lee@mail.example",
        "Yours truly,\nJordan Lee\njordan.lee@mail.example",
        "With gratitude,\nJordan Lee\njordan.lee@mail.example",
        "Best regards, Jordan Lee\njordan.lee@mail.example",
        # name, title, phone, e-mail and two links: a signature of six lines
        "Kind regards,\nJordan Lee\nData Analyst\n+1 555 123 4567\n"
        "jordan.lee@mail.example\nlinkedin.com/in/jlee\nhttps://jordanlee.example",
        # no closing line: the last paragraph is a name and the candidate's details
        "Jordan Lee\njordan.lee@mail.example\n555-123-4567",
        "Jordan Lee | jordan.lee@mail.example | linkedin.com/in/jlee",
    ],
)
def test_the_candidates_own_signature_is_not_a_hostile_detail(closing: str) -> None:
    assert _contact(f"{BODY}\n\n{closing}") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Please feel free to contact me at jordan.lee@mail.example if you need anything.",
        "I can be reached at jordan.lee@mail.example.",
        "My portfolio is at https://jordanlee.example if you would like to see it.",
    ],
)
def test_an_address_introduced_as_the_candidates_own_is_not_hostile(sentence: str) -> None:
    assert _contact(f"{BODY} {sentence}\n\nBest regards,\nJordan Lee") == []


def test_another_address_in_the_body_or_a_last_line_that_is_no_name_is_still_flagged() -> None:
    text = f"{BODY} Please also write to sam.ortiz@acme.example about it.\n\nBest,\nJordan"
    assert _contact(text) == ["sam.ortiz@acme.example"]
    assert _contact(f"{BODY}\n\nSee https://evil.example/x now") == ["https://evil.example/x"]
