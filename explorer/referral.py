"""The referral and the short disclaimer: the app's own fixed words.

They live in code, not in data/, on purpose: they must print even when the data files are damaged
or the program fails, and they are the one thing every session ends with.
"""

from __future__ import annotations

REFERRAL_TITLE = "Talk to a healthcare professional"

REFERRAL_LINES = (
    "This explorer is educational. It is not medical advice, a diagnosis or a recommendation.",
    "A healthcare professional (a doctor, nurse or addiction specialist) can talk these options "
    "through and help choose what fits.",
    "",
    "SAMHSA's National Helpline: 1-800-662-HELP (4357)",
    "  TTY: 1-800-487-4889",
    "  Free and confidential, 24 hours a day, 7 days a week, in English and Spanish.",
    "Find treatment: FindTreatment.gov",
    "In a crisis: call or text 988 (Suicide & Crisis Lifeline).",
    "In an emergency or an overdose: call 911.",
)

REFERRAL_TEXT = "\n".join((REFERRAL_TITLE, *REFERRAL_LINES))

DISCLAIMER_LINES = (
    "Treatment Options Explorer: educational information, not medical advice.",
    "It asks only about general preferences (no names, no symptoms) and shows what five published "
    "articles say about treatment options for heroin and other opioid addiction. It is not a "
    "diagnosis or a recommendation. Nothing you enter is sent anywhere, or saved unless you ask.",
    "In an emergency or an overdose, call 911 now. In a crisis, call or text 988.",
    "The full disclaimer is in DISCLAIMER.md.",
)

# The referral's own links, for the saved HTML summary: the only links it may contain.
REFERRAL_LINKS = (
    ("SAMHSA's National Helpline", "https://www.samhsa.gov/find-help/national-helpline"),
    ("1-800-662-HELP (4357)", "tel:+18006624357"),
    ("1-800-487-4889", "tel:+18004874889"),
    ("FindTreatment.gov", "https://findtreatment.gov/"),
    ("call or text 988", "tel:988"),
    ("Suicide & Crisis Lifeline", "https://988lifeline.org/"),
    ("call 911", "tel:911"),
)
