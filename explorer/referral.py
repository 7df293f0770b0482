"""The referral and the short disclaimer: the app's own fixed words.

They live in code, not in data/, on purpose: they must print even when the data files are damaged
or the program fails, and they are the one thing every session ends with.
"""

from __future__ import annotations

REFERRAL_TITLE = "Talk to a healthcare professional"

REFERRAL_LINES = (
    "This explorer is for learning. It is not medical advice, a diagnosis or a recommendation. A "
    "healthcare professional can talk the options through with you. That may be a doctor, a nurse "
    "or an addiction specialist.",
    "",
    "These numbers are for the United States.",
    "SAMHSA's National Helpline: 1-800-662-HELP (4357), TTY: 1-800-487-4889",
    "  Free, confidential, 24/7, in English and Spanish; family and friends can call too. Or text "
    "your ZIP code to 435748 (English only).",
    "Find treatment: FindTreatment.gov",
    "In a crisis: call or text 988, or chat at 988lifeline.org. In Spanish: call 988 and press 2, "
    "or text AYUDA to 988.",
    "Naloxone reverses an opioid overdose and is sold without a prescription. No response in 2 "
    "to 3 minutes: give a second dose. Stay with the person.",
    "In an emergency or an overdose: call 911.",
)

REFERRAL_TEXT = "\n".join((REFERRAL_TITLE, *REFERRAL_LINES))

# The day the content (the explorer's notes against their sources) was last checked. A test holds
# it equal to the latest `checked` date in data/notes.toml.
CONTENT_CHECKED = "2026-12-07"

# "About this content": one short line at the start of every session and reading list (in the
# disclaimer below) ...
ABOUT_LINE = (
    "About this content: it quotes five web articles. Some come from sites that sell referrals. The "
    f"explorer adds its own dated notes (checked {CONTENT_CHECKED}). More: treatment-explorer about."
)

DISCLAIMER_LINES = (
    "Treatment Options Explorer: information to learn from, not medical advice.",
    "It asks only about general preferences, never names or symptoms. Then it shows what five "
    "published articles say about treatment for heroin and other opioid addiction. It is not a "
    "diagnosis or a recommendation. Nothing you enter is sent anywhere. Nothing is saved unless you ask.",
    "In an emergency or an overdose, call 911 now. In a crisis, call or text 988.",
    ABOUT_LINE,
    "The full disclaimer: treatment-explorer disclaimer.",
)


# ... and the whole of it in `treatment-explorer about` and the saved summary: what decision aids
# are judged on (the decision it helps with, where the content comes from, how current it is and
# how it is reviewed, who made it and who pays for it).
ABOUT_TITLE = "About this content"
ABOUT_LINES = (
    "What it helps with: getting ready to talk with a doctor or nurse about treatment for heroin and "
    "other opioid addiction. It covers methadone, buprenorphine, naltrexone and care without "
    "medicine, in different places. It shows what is known about each. It does not say which option "
    "fits anyone, and it does not rank them.",
    "Where the words come from: five web articles. It quotes them word for word and names the "
    "source. The articles have no date, and none names an author trained in medicine. Some come from "
    "sites that sell referrals to treatment. The explorer leaves out their phone numbers and ads.",
    "The explorer's own notes: some articles are out of date, wrong or one-sided, or say nothing "
    "about safety. There the explorer adds a short note in its own words. Each note is marked as "
    "the explorer's, with the date it was checked. Each names its public sources: US health "
    "agencies, drug labels from the FDA, and studies checked by other experts.",
    f"How current: the notes were last checked against their sources on {CONTENT_CHECKED}. Some "
    "notes are about rules that change. They carry a review-by date. After that date, the note says "
    "it may be out of date.",
    "Who made it: the small team of the Treatment Options Explorer project. It has no funding and "
    "no ads. It sends nothing anywhere.",
)

# `treatment-explorer about` ends with where to read more (the saved summary carries its own words).
ABOUT_MORE = (
    "The full disclaimer: treatment-explorer disclaimer. It is the same text as DISCLAIMER.md, which "
    "comes with the program. Hard words in the articles and notes, each in one plain sentence: "
    "treatment-explorer glossary."
)

# The referral's own links, for the saved HTML summary: the only links it may contain.
REFERRAL_LINKS = (
    ("SAMHSA's National Helpline", "https://www.samhsa.gov/find-help/national-helpline"),
    ("1-800-662-HELP (4357)", "tel:+18006624357"),
    ("1-800-487-4889", "tel:+18004874889"),
    ("text your ZIP code to 435748", "sms:435748"),
    ("FindTreatment.gov", "https://findtreatment.gov/"),
    ("call or text 988", "tel:988"),
    ("988lifeline.org", "https://988lifeline.org/"),
    ("call 911", "tel:911"),
)
