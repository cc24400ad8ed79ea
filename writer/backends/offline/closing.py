"""The composer's late openings and closing lines, by register (see `wording`): every list a
whole panel draws from has eight entries, so a panel of up to eight shares none; the closes
have more, spares for when a line would echo the message or name a week the reader is not in
(see `Context.fresh`)."""

from __future__ import annotations

from writer.backends.offline.wording import Register

# More than three days late: the opening owns the delay in one clause, then thanks.
LATE_OPENINGS: dict[Register, list[str]] = {
    Register.casual: [
        "Sorry for the slow reply, and thanks so much for chatting with me{during} about "
        "the {role}{at}.",
        "Belated thanks for making the time to talk{during} about the {role}{at}.",
        "I meant to send this sooner: thanks a lot for talking with me{during} about the "
        "{role}{at}.",
        "A bit late, but thank you for the conversation{during} about the {role}{at}.",
        "Sorry this is late, and thanks for meeting me{during} about the {role}{at}.",
        "This is later than I'd hoped, but thanks for taking the time{during} to talk about "
        "the {role}{at}.",
        "Thanks, a little belatedly, for chatting with me{during} about the {role}{at}.",
        "I should have written sooner to say thanks for our talk{during} about the {role}{at}.",
    ],
    Register.neutral: [
        "I'm sorry for the delay in writing, and thank you for talking with me{during} "
        "about the {role}{at}.",
        "This is later than I meant to write, but thank you for meeting with me{during} to "
        "discuss the {role}{at}.",
        "Apologies for the slow note: thank you for the conversation{during} about the {role}{at}.",
        "I meant to write sooner to thank you for talking with me{during} about the {role}{at}.",
        "Belated thanks for taking the time to talk with me{during} about the {role}{at}.",
        "I'm sorry this comes later than I intended, but thank you for our "
        "conversation{during} about the {role}{at}.",
        "Thank you, if a little late, for meeting with me{during} to talk about the {role}{at}.",
        "I should have written sooner to thank you for the time you gave me{during} to "
        "discuss the {role}{at}.",
    ],
    Register.formal: [
        "Please forgive the delay in writing, and thank you for meeting with me{during} to "
        "discuss the {role}{at}.",
        "I apologise for the delay in writing to thank you for our conversation{during} "
        "about the {role}{at}.",
        "Although this note is later than I intended, I am very grateful for the time you "
        "gave me{during} to discuss the {role}{at}.",
        "With apologies for the late note, thank you for speaking with me{during} about the "
        "{role}{at}.",
        "I am sorry not to have written sooner to thank you for meeting with me{during} "
        "about the {role}{at}.",
        "Please excuse the delay in my thanks for our conversation{during} about the {role}{at}.",
        "Belatedly, but sincerely, thank you for the time you gave me{during} to discuss "
        "the {role}{at}.",
        "I should have written sooner to thank you for our discussion of the {role}{at}{during}.",
    ],
}
LATE_OPENINGS[Register.warm] = LATE_OPENINGS[Register.formal]

# -- the close, by outcome -----------------------------------------------------------------

PENDING_CLOSE: dict[Register, list[str]] = {
    Register.casual: [
        "Hope to chat again soon!",
        "Looking forward to hearing about next steps.",
        "Thanks again, and have a great week.",
        "Hope we get to talk again soon.",
        "Thanks again for your time.",
        "Hope our paths cross again soon.",
        "Looking forward to hearing from you.",
        "Thanks again, and enjoy the rest of your week.",
        "Hope to catch up again soon.",
        "Thanks again, and all the best.",
        "Really hope we speak again.",
        "Catch you soon, I hope.",
    ],
    Register.neutral: [
        "Thank you again, and I look forward to hearing about the next steps.",
        "I look forward to hearing from you.",
        "Thanks again for your time, and I hope the rest of your week goes well.",
        "I hope we have the chance to speak again soon.",
        "Thank you again for your time.",
        "I look forward to the next steps.",
        "With thanks again, and best wishes for the week.",
        "I hope to speak with you again soon.",
        "With thanks again, and all the best.",
        "I'm grateful for the time you gave me.",
        "Thanks once more, and best wishes.",
        "I appreciate your time, and I hope we speak again.",
    ],
    Register.formal: [
        "Thank you again for your time and consideration.",
        "I look forward to hearing from you regarding the next steps.",
        "With thanks again for your time.",
        "I would welcome the opportunity to continue our discussion.",
        "I look forward to hearing from you.",
        "Thank you once more for your time.",
        "I hope to have the opportunity to speak with you again.",
        "With my thanks again for your consideration.",
        "I remain grateful for your time.",
        "I appreciate your consideration.",
        "With thanks for a most helpful conversation.",
        "With kind thanks for your time.",
    ],
    Register.warm: [
        "Thank you again for giving me so much of your time.",
        "I look forward to hearing from you.",
        "With many thanks again for your time.",
        "I hope to have the chance to speak with you again.",
        "Thank you again for making the time to meet me.",
        "I very much hope we will speak again.",
        "With warm thanks, and best wishes for the rest of the week.",
        "Thank you once more for meeting with me.",
        "With warm thanks and every good wish.",
        "I do hope we will have the chance to talk again.",
        "With gratitude for the time you gave me.",
        "I hope to continue our conversation before long.",
    ],
}
DECIDED_CLOSE = {
    "offer": [
        "I appreciate the care everyone put into the process.",
        "All the best until we next speak.",
        "Thank you again for everything.",
        "Thank you for making the process so clear.",
        "Thanks again for your part in the process.",
        "It was a real pleasure to meet you.",
        "With thanks again for your time.",
        "I'm grateful for everything so far.",
    ],
    "rejected": [
        "I'd be glad to stay in touch, and I wish you and {team} every success.",
        "I hope our paths cross again.",
        "Thank you again, and all the best to {team}.",
        "I wish you every success with the work ahead.",
        "I'd be glad to keep in touch.",
        "Best wishes for the rest of the search.",
        "With thanks again, and good luck with the work ahead.",
        "I hope we meet again before long.",
    ],
    "withdrew": [
        "All the best to you and {team}.",
        "I hope our paths cross again.",
        "Thank you again, and best of luck with the search.",
        "I'd be glad to stay in touch.",
        "Best wishes for the work ahead.",
        "With luck, our paths will cross again before long.",
        "With thanks again, and all the best.",
        "I'd be happy to keep in touch.",
    ],
}
# A decided loop, to someone already connected: no offer to keep in touch.
CONNECTED_CLOSE = [
    "I'm glad we're connected, and I wish you and {team} every success.",
    "I hope our paths cross again.",
    "All the best to you and {team}.",
    "I wish you every success with the work ahead.",
    "I'm glad we're in touch on LinkedIn.",
    "Best wishes for the work ahead.",
    "Wishing you and {team} all the best.",
    "I hope we meet again before long.",
]
# A late email to someone the candidate has connected with since: say so, not pretend.
SINCE_CONNECTED = [
    "I'm glad we've since connected on LinkedIn.",
    "It was good to connect on LinkedIn since we met.",
    "I'm pleased we're now connected on LinkedIn as well.",
    "It's good to be connected on LinkedIn now, too.",
    "I was glad to connect with you on LinkedIn afterwards.",
    "It was nice to connect on LinkedIn after we spoke.",
    "I'm glad we've been able to connect on LinkedIn.",
    "Connecting on LinkedIn since then has been a pleasure.",
]
FORWARD = ["I look forward to {}.", "I'm looking forward to {}."]

# Someone who does not decide (a team member, a designer who sat in) has no news to send:
# the close that asks for it becomes one that thanks them, at the same place in the bank.
NO_NEWS = {
    "Looking forward to hearing about next steps.": (
        "It was great to meet you and hear how things work."
    ),
    "Looking forward to hearing from you.": "Really glad I got the chance to meet you properly.",
    "Thank you again, and I look forward to hearing about the next steps.": (
        "Thank you again; it was a pleasure to meet you."
    ),
    "I look forward to hearing from you.": "I'm very glad I had the chance to meet you.",
    "I look forward to the next steps.": "I'm grateful you made room in your day for me.",
    "I look forward to hearing from you regarding the next steps.": (
        "It was a great pleasure to meet you, and I am grateful."
    ),
}

SUBJECTS = {
    Register.casual: ["Thanks – {job} chat", "Thanks for the {job} chat"],
    Register.neutral: ["Thank you – {job} interview", "Thanks for your time – {job} interview"],
    Register.formal: ["Thank you – {job} interview"],
    Register.warm: ["Thank you – {job} interview", "With thanks – {job}"],
}
