"""What every published JSON output shares: `format_version` first; parts read from the
explorer's own models by attribute name (what they hold beyond the contract stays out); keys left
out rather than null where an output leaves them out; and the referral, which render/finish.py
adds last to every output, in the schemas.

A key is added to an output by adding a field to its model here, with a description: the output,
its schema and the shape the tests compare all follow (and so does the test asking for a new
format version)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from explorer.i18n import language
from explorer.published.contract import FORMAT_VERSION, major


class Part(BaseModel):
    """A part of a published output."""

    model_config = ConfigDict(frozen=True, from_attributes=True)


def _is_none(value: object) -> bool:
    return value is None


def absent_when_none(description: str) -> Any:
    """A field left out of the output when it holds nothing (its type: `X | SkipJsonSchema[None]`,
    so that the schema says "X, or absent", never null)."""
    return Field(default=None, exclude_if=_is_none, description=description)


class Published(Part):
    """A whole JSON output, its format version first."""

    format_version: str = Field(
        default=FORMAT_VERSION,
        pattern=rf"^{major()}\.[0-9]+$",
        description=(
            f"The version of this format, MAJOR.MINOR ({FORMAT_VERSION} here). A new minor version only adds "
            "(keys, outputs, values of enumerations): ignore what you do not know. A new major version "
            "may remove or change keys."
        ),
    )

    lang: Literal["en", "es"] = Field(
        default_factory=language,  # type: ignore[arg-type]
        description='The language of the explorer\'s own words in this output: "en" (English) or "es" (Spanish). '
        "Quotes from the documents stay in English in `text`; in Spanish a section's unofficial translation "
        "is in `translation`, beside it.",
    )

    def to_json(self) -> dict[str, Any]:
        """The output as render/finish.py prints it (which adds the referral last)."""
        return self.model_dump(mode="json")


class Referral(Part):
    """Where to get help, ending every output."""

    text: str = Field(
        description="The referral in full: a healthcare professional, SAMHSA's National Helpline, "
        "FindTreatment.gov, 988 and 911, one line after another."
    )


def finished(model: type[Published]) -> type[Published]:
    """The output as printed: the model's keys, then the referral that render/finish.py adds last."""
    shown: type[Published] = create_model(
        model.__name__,
        __base__=model,
        __doc__=model.__doc__,
        __module__=model.__module__,
        referral=(Referral, Field(description="Where to get help: always the last key.")),
    )
    return shown
