"""The composer's words, by register: a start-up reads casual, a bank or a law firm formal,
a hospital, school or charity warm-formal, everyone else neutral.

Every list is rotated by the interviewer's place on the panel, so two interviewers of one
panel never get the same sentence; lists that every draft uses have eight entries (or two
lists that combine into eight)."""

from __future__ import annotations

import re
from enum import StrEnum

from writer.notes import Culture, Notes


class Register(StrEnum):
    casual = "casual"
    neutral = "neutral"
    formal = "formal"
    warm = "warm"  # formal, but a hospital, a school, a charity: kind before crisp


_WARM = re.compile(
    r"\b(?:hospital|nhs|clinic|health|care|school|academy|college|universit\w*|church|"
    r"charit\w*|trust|foundation|hospice|nursing|primary|ward)\b",
    re.IGNORECASE,
)


_SECTORS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"\b(?:llp|law|legal|solicitors?|chambers|attorneys?|advocates)\b", re.I),
        "the firm",
    ),
    # a food bank's people are not 'the bank'
    (re.compile(r"(?<!food )(?<!blood )\bbank\b|\bbanking\b", re.I), "the bank"),
    (re.compile(r"\b(?:school|academy|college)\b", re.I), "the school"),
    # 'Hollybrook NHS Foundation Trust' is a trust, not a foundation
    (re.compile(r"\bfoundation trust\b", re.I), "the trust"),
    (re.compile(r"\b(?:foundation|charity)\b", re.I), "the foundation"),
    # 'Beacon Health Partners' looks after patients: its people are a team, not a firm
    (
        re.compile(r"\b(?:health\w*|care|clinics?|medical|hospitals?|pharma\w*|nhs)\b", re.I),
        "the team",
    ),
    (re.compile(r"\b(?:capital|partners|investments?|insurance|consulting)\b", re.I), "the firm"),
]


def team_word(notes: Notes) -> str:
    """How a message names the organisation's people: 'the firm' at a law firm, 'the
    bank', 'the school', 'the foundation'; 'the team' elsewhere (a ward, a start-up)."""
    for pattern, word in _SECTORS:
        found = pattern.search(notes.company)
        if found:
            return word if word != "the foundation" else f"the {found.group().lower()}"
    return "the team"


def register(notes: Notes) -> Register:
    if notes.culture == Culture.casual:
        return Register.casual
    if notes.culture == Culture.neutral:
        return Register.neutral
    if _WARM.search(f"{notes.company} {notes.role}"):
        return Register.warm
    return Register.formal


# -- thank-you email: opening (thanks, the stage and the role) ------------------------------

OPENINGS: dict[Register, list[str]] = {
    Register.casual: [
        "Thanks so much for chatting with me{during} about the {role}{at}.",
        "Thanks for making the time to talk{during} about the {role}{at}.",
        "Thanks a lot for the chat{during} about the {role}{at}.",
        "Thank you for the conversation{during} about the {role}{at}.",
        "Thanks for taking the time to meet me{during} about the {role}{at}.",
        "Really appreciated you talking with me{during} about the {role}{at}.",
        "Thanks for taking the time{during} to talk about the {role}{at}.",
        "Thank you for giving me your time{during} to talk about the {role}{at}.",
    ],
    Register.neutral: [
        "Thank you for taking the time to talk with me{during} about the {role}{at}.",
        "Thank you for meeting with me{during} to discuss the {role}{at}.",
        "I'm grateful for the time you gave me{during} to talk about the {role}{at}.",
        "Thank you for the conversation{during} about the {role}{at}.",
        "Thanks for making time to meet with me{during} about the {role}{at}.",
        "I appreciated the chance to speak with you{during} about the {role}{at}.",
        "Thank you for your time{during} and for telling me more about the {role}{at}.",
        "Many thanks for talking with me{during} about the {role}{at}.",
    ],
    Register.formal: [
        "Thank you for meeting with me{during} to discuss the {role}{at}.",
        "I am grateful for the time you gave me{during} to discuss the {role}{at}.",
        "Thank you for taking the time to speak with me{during} about the {role}{at}.",
        "Please accept my thanks for our conversation{during} about the {role}{at}.",
        "I would like to thank you for your time{during} in discussing the {role}{at}.",
        "Thank you for the opportunity to discuss the {role}{at}{during}.",
        "I very much appreciated the opportunity to meet you{during} regarding the {role}{at}.",
        "Many thanks for your time{during} and for our discussion of the {role}{at}.",
    ],
    Register.warm: [
        "Thank you so much for meeting with me{during} to talk about the {role}{at}.",
        "I am very grateful for the time you gave me{during} to discuss the {role}{at}.",
        "Thank you for the time you spent with me{during} talking about the {role}{at}.",
        "Thank you very much for seeing me{during} to talk about the {role}{at}.",
        "Thank you for taking the time to meet me{during} to discuss the {role}{at}.",
        "I wanted to thank you for speaking with me{during} about the {role}{at}.",
        "Thank you for giving me your time{during} to talk about the {role}{at}.",
        "I am so grateful for the chance to meet you{during} and discuss the {role}{at}.",
    ],
}
# -- the specific sentence: '{}' takes a noun phrase (N) or a clause (C) --------------------

SUBJECT_NOUN: dict[Register, list[str]] = {
    Register.casual: [
        "I really enjoyed digging into {} with you.",
        "Talking through {} was the highlight for me.",
        "I'm still thinking about our chat on {}.",
        "Getting into {} with you was a lot of fun.",
        "Swapping notes on {} was great.",
        "I came away excited about {}.",
        "Chatting about {} was a real highlight.",
        "My favourite part of the chat was {}.",
    ],
    Register.neutral: [
        "I especially enjoyed our conversation about {}.",
        "Our discussion of {} was a highlight for me.",
        "I appreciated hearing your thinking on {}.",
        "I'm still thinking about our conversation on {}.",
        "Talking through {} with you was especially useful.",
        "I learned a lot from our discussion of {}.",
        "It was good to get into the detail of {}.",
        "Our conversation about {} stood out for me.",
    ],
    Register.formal: [
        "I particularly valued our discussion of {}.",
        "I found our conversation about {} especially informative.",
        "I appreciated your insight into {}.",
        "Our exchange on {} was most helpful to me.",
        "I am grateful for the detail you shared on {}.",
        "Our discussion of {} gave me a much clearer picture.",
        "I was glad of the opportunity to talk through {}.",
        "I valued the opportunity to discuss {} with you.",
    ],
    Register.warm: [
        "I especially enjoyed hearing about {}.",
        "It was lovely to hear about {}.",
        "Our conversation about {} has stayed with me.",
        "I was glad of the chance to discuss {}.",
        "Thank you for sharing so much about {}.",
        "Talking about {} with you meant a great deal.",
        "I loved hearing more about {}.",
        "Hearing about {} made the conversation special for me.",
    ],
}
# A view as a noun phrase: "your point that ...", "how trainees rotate ...".
VIEW_NOUN = [  # "your point that ..."
    "I appreciated {}.",
    "I keep coming back to {}.",
    "I was glad to hear {}.",
    "I've been thinking about {}.",
    # no claim of days gone by, for the evening of the interview
    "I valued hearing {}.",
    "It was useful to hear {}.",
    "I was interested to hear {}.",
    "I took a lot from {}.",
]
HOW_NOUN = [  # "how trainees rotate ..."
    "I enjoyed hearing {}.",
    "It was helpful to hear {}.",
    "It was interesting to learn {}.",
    "I was glad to hear {}.",
]
VIEW_CLAUSE: dict[Register, list[str]] = {
    Register.casual: [
        "It was great to hear that {}.",
        "I liked learning that {}.",
        "It was interesting to find out that {}.",
        "I liked hearing that {}.",
    ],
    Register.neutral: [
        "It was interesting to hear that {}.",
        "I appreciated your point that {}.",
        "It was helpful to learn that {}.",
        "It was good to learn that {}.",
    ],
    Register.formal: [
        "I found it valuable to learn that {}.",
        "I appreciated your observation that {}.",
        "I was interested to learn that {}.",
        "I noted with interest that {}.",
    ],
    Register.warm: [
        "It was good to hear that {}.",
        "I appreciated you sharing that {}.",
        "It meant a lot to hear that {}.",
        "It was interesting to hear that {}.",
    ],
}
# The reader's opinion ('she thinks ...'): named as theirs, never as a fact learned.
OPINION = [
    "I appreciated your point that {}.",
    "I was struck by your view that {}.",
    "It was useful to hear your view that {}.",
    "I valued your perspective that {}.",
    "I was interested in your view that {}.",
    "Your view that {} gave me a lot to think about.",
    "I took note of your point that {}.",
    "Your point that {} made a lot of sense to me.",
]
SECOND_SUBJECT = [
    "I also enjoyed hearing about {}.",
    "I was glad we touched on {} as well.",
    "Hearing about {} was a bonus.",
    "I also appreciated hearing about {}.",
]
COMMON = [
    "It was a nice surprise to find out that {}.",
    "It was fun to discover that {}.",
    "I also enjoyed finding out that {}.",
    "It was a pleasure to learn that {}.",
]
OWN = [
    "I appreciated the chance to talk you through {}.",
    "Thank you for the chance to discuss {}.",
    "I was glad to have the chance to go through {} with you.",
    "Thank you for your questions on {}.",
]

# -- interest, by outcome ('{team}': "the team", "the firm", "the school", ...) -----------

INTEREST: dict[Register, list[str]] = {
    Register.casual: [
        "I came away really excited about the role.",
        "I left even more keen to join {team}.",
        "Meeting you made me even more excited about what you're building.",
        "I'd love to be part of what {team} is doing.",
        "Talking with you left me keener than ever on the role.",
        "I'm even more excited about the work than before we spoke.",
        "Our chat was the kind that makes a role click for me.",
        "I walked away with lots of ideas and real excitement about the role.",
    ],
    Register.neutral: [
        "Our conversation left me even more interested in the role.",
        "I came away with a clearer picture of the work and real enthusiasm for it.",
        "Meeting you confirmed my interest in joining {team}.",
        "The role appeals to me even more than it did when I arrived.",
        "I'm very interested in the role, and more so after our conversation.",
        "Our talk gave me a clear sense of the work, and I'd be glad to be part of it.",
        "The conversation made the role even more appealing to me.",
        "I'm keen to bring my experience to {team}.",
    ],
    Register.formal: [
        "Our discussion confirmed my strong interest in the position.",
        "I remain very interested in the position and in the work of {team}.",
        "I left with a clearer understanding of the role and a firm wish to contribute.",
        "The conversation reinforced my enthusiasm for the opportunity.",
        "I would welcome the opportunity to contribute to the work of {team}.",
        "Meeting you strengthened my interest in joining {team}.",
        "I am very interested in the position, and more so for our conversation.",
        "I would welcome the chance to bring my experience to the role.",
    ],
    Register.warm: [
        "I came away even more enthusiastic about joining {team}.",
        "Meeting you left me all the more keen to be part of your work.",
        "I would very much like to contribute to the work of {team}.",
        "Our conversation confirmed how much I would like to contribute.",
        "Speaking with you made me all the more hopeful about joining {team}.",
        "I left with a clear sense of why the work matters, and a wish to be part of it.",
        "I am very keen on the role, and even more so after our conversation.",
        "The role feels like one where I could make a real contribution.",
    ],
}
# Nothing usable in the notes: plain interest, nothing about the conversation invented.
HONEST = [
    "I remain very interested in the role.",
    "I'm still very interested in the role.",
    "The role remains of real interest to me.",
    "I continue to be very interested in the position.",
    "I'm keen on the role and pleased to have had the chance to learn more.",
    "I appreciated the chance to learn more about the role.",
    "It was useful to hear more about the position.",
    "I'm grateful for the chance to find out more about the role.",
]
POORLY = [
    "I remain very interested in the role, and I'd be glad to answer any further questions.",
    "I'm still very keen on the role and happy to share anything else that would help.",
    "I would welcome the chance to continue the conversation.",
    "The role remains one I'm very interested in.",
    "I'd welcome the chance to expand on any of my answers.",
    "If any answer of mine would benefit from more detail, I'd be glad to add it.",
    "I'm still very interested in the position.",
    "I'd be happy to go into more depth on anything we covered.",
]
OFFER = [
    "I was delighted to receive the offer, and grateful for your part in the process.",
    "I'm thrilled about the offer and grateful for the time you gave me.",
    "Receiving the offer was wonderful news, and I appreciated your part in the process.",
    "I'm very pleased about the offer and glad to have met you along the way.",
    "The offer was lovely news, and our conversation is part of why I'm so pleased.",
    "I'm delighted about the offer, and grateful for your time during the process.",
    "Hearing about the offer was a real pleasure after our conversation.",
    "I'm so pleased to have received the offer, and thankful for your part in it.",
]
REJECTED = [
    "Although I was disappointed not to move forward, I valued learning about {team}'s work.",
    "I'm sorry not to be moving forward, but I'm grateful for what I learned about {team}.",
    "While the outcome wasn't what I hoped, I valued our conversation.",
    "I was disappointed by the news, but glad to have met you.",
    "The decision was disappointing, but the conversation was worth having.",
    "I'm sorry it didn't work out, and I appreciated our conversation all the same.",
    "Although I won't be joining {team}, I learned a great deal from our conversation.",
    "It wasn't the outcome I hoped for, but I'm glad we had the chance to talk.",
]
# The withdrawal said as news, not as something the reader is assumed to know.
WITHDREW = [
    "I've decided to withdraw from the process, but I valued our conversation all the same.",
    "I've since withdrawn my application, and I'm grateful for the time you gave me.",
    "Meeting you was a pleasure, though I've since withdrawn from the process.",
    "I've decided not to continue in the process, but I learned a lot from our conversation.",
    "It was a pleasure to meet you, though I've since chosen to withdraw my application.",
    "Although I've withdrawn from the process, I appreciated the time you gave me.",
    "I've decided to step back from the process, and I valued the chance to meet you.",
    "While I've withdrawn my application, the conversation was a real pleasure.",
]
# ...and why, kindly and in a clause, when the notes say another offer was taken.
WITHDREW_OFFER = [
    "I've accepted another offer, so I've withdrawn from the process; I valued our "
    "conversation all the same.",
    "I wanted to let you know that I've accepted another role and withdrawn my "
    "application, with real appreciation for your time.",
    "I've since accepted an offer elsewhere and am withdrawing from the process, but I "
    "learned a lot from our conversation.",
    "It was a hard decision, but I've accepted another offer and withdrawn my application.",
    "I've decided to accept another offer, so I've stepped back from the process; meeting "
    "you made that a hard choice.",
    "Another offer came through that I've accepted, so I've withdrawn, though I enjoyed our "
    "conversation very much.",
    "I've accepted a role elsewhere and withdrawn my application, but I'm glad we had the "
    "chance to talk.",
    "With another offer accepted, I've withdrawn from the process; I'm grateful for the "
    "time you gave me.",
]
# A rejection that came with feedback: thanks for it, never its content (it may sting).
FEEDBACK_THANKS = [
    "Thank you, too, for the feedback; it's genuinely useful.",
    "I'm grateful for the feedback, which I'll put to good use.",
    "The feedback was helpful, and I appreciate you sharing it.",
    "Thanks as well for the honest feedback; I'll take it on board.",
    "I appreciated the feedback, and it gives me something concrete to work on.",
    "The feedback was really useful; thank you for passing it on.",
    "Thanks, too, for sharing the feedback; it was clear and helpful.",
    "I'm grateful for the feedback, and I'll use it as I prepare for future interviews.",
]
HELP = [
    "If it would help, I'm happy to share more about my experience.",
    "Should any questions come up, I'm glad to help.",
    "I'd be glad to answer any other questions.",
    "I'm happy to send anything else that would be useful.",
    "If more detail on any part of my background would help, just say.",
    "I can send examples of my work if that would be useful.",
    "If any questions come up later, I'm happy to answer them.",
    "If anything from our conversation needs more detail, just let me know.",
]
WALKED_THROUGH = [
    "Thank you for walking me through {}.",
    "I appreciated the clear picture of {}.",
    "Thanks, too, for explaining {}.",
    "It was helpful to hear about {}.",
]
TOLD_THAT = [  # a step in the process, as a clause: "offers go out in mid December"
    "Thank you for letting me know that {}.",
    "It was helpful to hear that {}.",
    "Thanks, too, for explaining that {}.",
    "I appreciated knowing that {}.",
]
PROCESS = [
    "Thank you as well for organising everything so smoothly.",
    "Thank you, too, for guiding me through the process.",
    "I'm grateful for your help with the arrangements.",
    "Thank you for keeping everything so well organised.",
]
