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
        "Thank you for the great conversation{during} about the {role}{at}.",
    ],
    Register.neutral: [
        "Thank you for taking the time to talk with me{during} about the {role}{at}.",
        "Thank you for meeting with me{during} to discuss the {role}{at}.",
        "I'm grateful for the time you gave me{during} to talk about the {role}{at}.",
        "Thank you for the conversation{during} about the {role}{at}.",
    ],
    Register.formal: [
        "Thank you for meeting with me{during} to discuss the {role}{at}.",
        "I am grateful for the time you gave me{during} to discuss the {role}{at}.",
        "Thank you for taking the time to speak with me{during} about the {role}{at}.",
        "Please accept my thanks for our conversation{during} about the {role}{at}.",
    ],
    Register.warm: [
        "Thank you so much for meeting with me{during} to talk about the {role}{at}.",
        "I am very grateful for the time you gave me{during} to discuss the {role}{at}.",
        "Thank you for such a welcoming conversation{during} about the {role}{at}.",
        "It was a real pleasure to speak with you{during} about the {role}{at}.",
    ],
}
LATE: dict[Register, str] = {
    Register.casual: "Sorry this note comes later than I intended.",
    Register.neutral: "I'm sorry this note comes later than I intended.",
    Register.formal: "I apologise that this note comes later than I intended.",
    Register.warm: "I'm sorry this note comes later than I intended.",
}

# -- the specific sentence: '{}' takes a noun phrase (N) or a clause (C) --------------------

SUBJECT_NOUN: dict[Register, list[str]] = {
    Register.casual: [
        "I really enjoyed digging into {} with you.",
        "Talking through {} was the highlight for me.",
        "I'm still thinking about our chat on {}.",
        "Getting into {} with you was a lot of fun.",
        "Swapping notes on {} was great.",
        "I came away buzzing about {}.",
        "Hearing your take on {} made my day.",
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
        "Hearing how you approach {} stood out for me.",
    ],
    Register.formal: [
        "I particularly valued our discussion of {}.",
        "I found our conversation about {} especially informative.",
        "I appreciated your insight into {}.",
        "Our exchange on {} was most helpful to me.",
        "I am grateful for the detail you shared on {}.",
        "Our discussion of {} gave me a much clearer picture.",
        "I benefited greatly from hearing your account of {}.",
        "I valued the opportunity to discuss {} with you.",
    ],
    Register.warm: [
        "I especially enjoyed hearing about {}.",
        "It was lovely to hear about {}.",
        "Our conversation about {} has stayed with me.",
        "I was glad of the chance to learn about {}.",
        "Thank you for sharing so much about {}.",
        "Talking about {} with you meant a great deal.",
        "I loved learning more about {}.",
        "Hearing about {} made the conversation special for me.",
    ],
}
# A view as a noun phrase: "your point that ...", "how trainees rotate ...".
VIEW_NOUN = [  # "your point that ..."
    "I appreciated {}.",
    "I keep coming back to {}.",
    "I was glad to hear {}.",
    "I've been thinking about {}.",
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
        "I liked hearing that {}.",
        "It was interesting to learn that {}.",
        "Good to hear that {}.",
    ],
    Register.neutral: [
        "It was interesting to hear that {}.",
        "I appreciated your point that {}.",
        "It was helpful to learn that {}.",
        "I was struck to hear that {}.",
    ],
    Register.formal: [
        "I found it valuable to learn that {}.",
        "I appreciated your observation that {}.",
        "It was instructive to hear that {}.",
        "I noted with interest that {}.",
    ],
    Register.warm: [
        "It was good to hear that {}.",
        "I appreciated you sharing that {}.",
        "It meant a lot to hear that {}.",
        "It was interesting to hear that {}.",
    ],
}
SECOND_SUBJECT = [
    "I also enjoyed hearing about {}.",
    "I was glad we touched on {} as well.",
    "Hearing about {} was a bonus.",
    "I also appreciated the time on {}.",
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

# -- interest, by outcome ------------------------------------------------------------------

INTEREST: dict[Register, list[str]] = {
    Register.casual: [
        "I came away really excited about the role.",
        "I left even more keen to join the team.",
        "It made me even more excited about what you're building.",
        "I'd love to be part of what the team is doing.",
    ],
    Register.neutral: [
        "Our conversation left me even more interested in the role.",
        "I came away with a clearer picture of the work and real enthusiasm for it.",
        "It confirmed my interest in joining the team.",
        "I left even more keen on the role than when I arrived.",
    ],
    Register.formal: [
        "Our discussion confirmed my strong interest in the position.",
        "I remain very interested in the position and in the work of your team.",
        "I left with a clearer understanding of the role and a firm wish to contribute.",
        "The conversation reinforced my enthusiasm for the opportunity.",
    ],
    Register.warm: [
        "I came away even more enthusiastic about joining the team.",
        "It left me all the more keen to be part of your work.",
        "I left with a real sense of the care behind the team's work.",
        "Our conversation confirmed how much I would like to contribute.",
    ],
}
POORLY = [
    "I remain very interested in the role, and I'd be glad to answer any further questions.",
    "I'm still very keen on the role and happy to share anything else that would help.",
    "I would welcome the chance to continue the conversation.",
    "The role remains one I'm very interested in.",
]
OFFER = [
    "I was delighted to receive the offer, and our conversation is part of why.",
    "I'm thrilled about the offer and grateful for the time you gave me.",
    "Receiving the offer was wonderful news, and I appreciated your part in the process.",
    "I'm very pleased about the offer and glad to have met you along the way.",
]
REJECTED = [
    "Although I was disappointed not to move forward, I valued learning about the team's work.",
    "I'm sorry not to be moving forward, but I'm grateful for what I learned about the team.",
    "While the outcome wasn't what I hoped, I valued our conversation.",
    "I was disappointed by the news, but glad to have met you.",
]
WITHDREW = [
    "As you know, I have withdrawn from the process; I valued our conversation all the same.",
    "Although I've decided to withdraw, I'm grateful for the time you gave me.",
    "I've withdrawn from the process, and I wanted to thank you all the same.",
    "Even though I've withdrawn, our conversation meant a lot to me.",
]
HELP = [
    "If it would help, I'm happy to share more about my experience.",
    "Please let me know if I can share anything else.",
    "I'd be glad to answer any other questions.",
    "I'm happy to send anything else that would be useful.",
    "If more detail on any part of my background would help, just say.",
    "I can send examples of my work if that would be useful.",
    "Do let me know if a follow-up question comes up.",
    "Should anything need clarifying, I'd be glad to help.",
]
WALKED_THROUGH = [
    "Thank you for walking me through {}.",
    "I appreciated the clear picture of {}.",
    "Thanks, too, for explaining {}.",
    "It was helpful to hear about {}.",
]
PROCESS = [
    "Thank you as well for organising everything so smoothly.",
    "Thank you, too, for guiding me through the process.",
    "I'm grateful for your help with the arrangements.",
    "Thank you for keeping everything so well organised.",
]

# -- the close, by outcome -----------------------------------------------------------------

PENDING_CLOSE: dict[Register, list[str]] = {
    Register.casual: [
        "Hope to chat again soon!",
        "Looking forward to hearing about next steps.",
        "Thanks again, and have a great week.",
        "Hope we get to talk again soon.",
    ],
    Register.neutral: [
        "Thank you again, and I look forward to hearing about the next steps.",
        "I look forward to hearing from you.",
        "Thanks again for your time, and I hope the rest of your week goes well.",
        "I hope we have the chance to speak again soon.",
    ],
    Register.formal: [
        "Thank you again for your time and consideration.",
        "I look forward to hearing from you regarding the next steps.",
        "With thanks again for your time.",
        "I would welcome the opportunity to continue our discussion.",
    ],
    Register.warm: [
        "Thank you again for your warmth and your time.",
        "I look forward to hearing from you.",
        "With many thanks again for a wonderful conversation.",
        "I hope to have the chance to speak with you again.",
    ],
}
DECIDED_CLOSE = {
    "offer": [
        "I'm excited about what comes next.",
        "I'm looking forward to the next steps.",
        "Thank you again for everything.",
        "I hope we get to work together soon.",
    ],
    "rejected": [
        "I'd be glad to stay in touch, and I wish you and the team every success.",
        "I hope our paths cross again.",
        "Thank you again, and all the best to the team.",
        "I wish you every success with the work ahead.",
    ],
    "withdrew": [
        "I wish you and the team all the best.",
        "I hope our paths cross again.",
        "Thank you again, and best of luck with the search.",
        "I'd be glad to stay in touch.",
    ],
}
FORWARD = ["I look forward to {}.", "I'm looking forward to {}."]

SUBJECTS = {
    Register.casual: ["Thanks – {job} chat", "Thanks for the {job} chat"],
    Register.neutral: ["Thank you – {job} interview", "Thanks for your time – {job} interview"],
    Register.formal: ["Thank you – {job} interview"],
    Register.warm: ["Thank you – {job} interview", "With thanks – {job}"],
}
