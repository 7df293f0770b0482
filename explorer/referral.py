"""The referral and the short disclaimer: the app's own fixed words.

They live in code, not in data/, on purpose: they must print even when the data files are damaged
or the program fails, and they are the one thing every session ends with.

The constants hold the English, marked for the catalog (N_); the functions below give them in the
run's language. In Spanish the referral says what is true in Spanish: the Helpline answers in
Spanish, 988 in Spanish by pressing 2 or by texting AYUDA, the 435748 text line in English only.
"""

from __future__ import annotations

from explorer.i18n import N_, _

REFERRAL_TITLE = N_("Talk to a healthcare professional")

REFERRAL_LINES = (
    N_(
        "This explorer is for learning. It is not medical advice, a diagnosis or a recommendation. A "
        "healthcare professional can talk the options through with you. That may be a doctor, a nurse "
        "or an addiction specialist."
    ),
    "",
    N_("These numbers are for the United States."),
    N_("SAMHSA's National Helpline: 1-800-662-HELP (4357), TTY: 1-800-487-4889"),
    N_(
        "  Free, confidential, 24/7, in English and Spanish; family and friends can call too. Or text "
        "your ZIP code to 435748 (English only)."
    ),
    N_("Find treatment: FindTreatment.gov"),
    N_(
        "In a crisis: call or text 988, or chat at 988lifeline.org. In Spanish: call 988 and press 2, "
        "or text AYUDA to 988."
    ),
    N_(
        "Naloxone reverses an opioid overdose and is sold without a prescription. No response in 2 "
        "to 3 minutes: give a second dose. Stay with the person."
    ),
    N_("In an emergency or an overdose: call 911."),
)

REFERRAL_TEXT = "\n".join((REFERRAL_TITLE, *REFERRAL_LINES))  # the English, for the tests and the last words


def referral_title() -> str:
    return _(REFERRAL_TITLE)


def referral_lines() -> tuple[str, ...]:
    """The referral's lines in the run's language ("" for the blank line)."""
    return tuple(_(line) if line else "" for line in REFERRAL_LINES)


def referral_text() -> str:
    """The referral as plain text, in the run's language."""
    return "\n".join((referral_title(), *referral_lines()))


# The day the content (the explorer's notes against their sources) was last checked. A test holds
# it equal to the latest `checked` date in data/notes.toml.
CONTENT_CHECKED = "2026-12-07"

# "About this content": one short line at the start of every session and reading list (in the
# disclaimer below) ...
ABOUT_LINE_WORDS = N_(
    "About this content: it quotes five web articles. Some come from sites that sell referrals. The "
    "explorer adds its own dated notes (checked {checked}). More: treatment-explorer about."
)
ABOUT_LINE = ABOUT_LINE_WORDS.format(checked=CONTENT_CHECKED)

DISCLAIMER_LINES = (
    N_("Treatment Options Explorer: information to learn from, not medical advice."),
    N_(
        "It asks only about general preferences, never names or symptoms. Then it shows what five "
        "published articles say about treatment for heroin and other opioid addiction. It is not a "
        "diagnosis or a recommendation. Nothing you enter is sent anywhere. Nothing is saved unless you ask."
    ),
    N_("In an emergency or an overdose, call 911 now. In a crisis, call or text 988."),
    ABOUT_LINE,
    N_("The full disclaimer: treatment-explorer disclaimer."),
)


def _in_language(lines: tuple[str, ...], dated: str) -> tuple[str, ...]:
    """`lines` in the run's language; the one that is `dated` with the content's checked day is
    translated as its template (the catalog holds the template), then dated."""
    english = dated.format(checked=CONTENT_CHECKED)
    return tuple(_(dated).format(checked=CONTENT_CHECKED) if line == english else _(line) for line in lines)


def disclaimer_lines() -> tuple[str, ...]:
    """The short disclaimer in the run's language."""
    return _in_language(DISCLAIMER_LINES, ABOUT_LINE_WORDS)


# ... and the whole of it in `treatment-explorer about` and the saved summary: what decision aids
# are judged on (the decision it helps with, where the content comes from, how current it is and
# how it is reviewed, who made it and who pays for it).
ABOUT_TITLE = N_("About this content")
HOW_CURRENT = N_(
    "How current: the notes were last checked against their sources on {checked}. Some "
    "notes are about rules that change. They carry a review-by date. After that date, the note says "
    "it may be out of date."
)
ABOUT_LINES = (
    N_(
        "What it helps with: getting ready to talk with a doctor or nurse about treatment for heroin and "
        "other opioid addiction. It covers methadone, buprenorphine, naltrexone and care without "
        "medicine, in different places. It shows what is known about each. It does not say which option "
        "fits anyone, and it does not rank them."
    ),
    N_(
        "Where the words come from: five web articles. It quotes them word for word and names the "
        "source. The articles have no date, and none names an author trained in medicine. Some come from "
        "sites that sell referrals to treatment. The explorer leaves out their phone numbers and ads."
    ),
    N_(
        "The explorer's own notes: some articles are out of date, wrong or one-sided, or say nothing "
        "about safety. There the explorer adds a short note in its own words. Each note is marked as "
        "the explorer's, with the date it was checked. Each names its public sources: US health "
        "agencies, drug labels from the FDA, and studies checked by other experts."
    ),
    HOW_CURRENT.format(checked=CONTENT_CHECKED),
    N_(
        "Who made it: the small team of the Treatment Options Explorer project. It has no funding and "
        "no ads. It sends nothing anywhere."
    ),
)

# `treatment-explorer about` ends with where to read more (the saved summary carries its own words).
ABOUT_MORE = N_(
    "The full disclaimer: treatment-explorer disclaimer. It is the same text as DISCLAIMER.md, which "
    "comes with the program. Hard words in the articles and notes, each in one plain sentence: "
    "treatment-explorer glossary."
)


def about_title() -> str:
    return _(ABOUT_TITLE)


def about_lines() -> tuple[str, ...]:
    """ "About this content" in the run's language."""
    return _in_language(ABOUT_LINES, HOW_CURRENT)


def about_more() -> str:
    return _(ABOUT_MORE)


# The referral's own links, for the saved HTML summary: the only links it may contain.
REFERRAL_LINKS = (
    (N_("SAMHSA's National Helpline"), "https://www.samhsa.gov/find-help/national-helpline"),
    ("1-800-662-HELP (4357)", "tel:+18006624357"),
    ("1-800-487-4889", "tel:+18004874889"),
    (N_("text your ZIP code to 435748"), "sms:435748"),
    ("FindTreatment.gov", "https://findtreatment.gov/"),
    (N_("call or text 988"), "tel:988"),
    ("988lifeline.org", "https://988lifeline.org/"),
    (N_("call 911"), "tel:911"),
)


def referral_links() -> tuple[tuple[str, str], ...]:
    """The links, each on its phrase as the referral says it in the run's language."""
    return tuple((_(phrase), href) for phrase, href in REFERRAL_LINKS)
