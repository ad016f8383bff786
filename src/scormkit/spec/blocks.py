"""Content blocks of a page: text, media, callouts, panels and quotes; `type` names each one's
template, `templates/blocks/<type>.html`."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from scormkit.spec.base import SpecModel


class Text(SpecModel):
    type: Literal["text"]
    markdown: str = Field(description="Body text in Markdown.")


class Image(SpecModel):
    type: Literal["image"]
    src: str = Field(description="Image file, relative to the spec file.")
    alt: str = Field(min_length=1, description="Read aloud by screen readers; required.")
    caption: str | None = Field(default=None, description="Shown under the image.")


class Media(SpecModel):
    src: str = Field(description="Media file, relative to the spec file.")
    captions: str | None = Field(
        default=None, description="WebVTT captions file, relative to the spec file."
    )
    title: str = Field(description="Accessible name of the player.")


class Video(Media):
    type: Literal["video"]
    poster: str | None = Field(default=None, description="Still image shown before playing.")

    RULE: ClassVar[str] = (
        "A video needs `captions` (a WebVTT file), so every learner can follow it."
    )

    @model_validator(mode="after")
    def _needs_captions(self) -> Video:
        if self.captions is None:
            raise ValueError(
                "a video needs `captions` (a WebVTT file) so every learner can follow it"
            )
        return self


class Audio(Media):
    type: Literal["audio"]
    transcript: str | None = Field(
        default=None, description="Full text of the recording (Markdown)."
    )


class Callout(SpecModel):
    type: Literal["callout"]
    style: Literal["note", "tip", "warning", "important"] = Field(
        default="note", description="How the box looks and what it is announced as."
    )
    title: str | None = Field(default=None, description="Bold first line.")
    markdown: str = Field(description="Body of the box in Markdown.")


class Panel(SpecModel):
    title: str = Field(description="Label of the panel's button or tab.")
    markdown: str = Field(description="What the panel reveals, in Markdown.")


class Accordion(SpecModel):
    type: Literal["accordion"]
    panels: list[Panel] = Field(min_length=1, description="Panels, each opened on its own.")


class Tabs(SpecModel):
    type: Literal["tabs"]
    panels: list[Panel] = Field(min_length=2, description="Tabs, one shown at a time.")


class Quote(SpecModel):
    type: Literal["quote"]
    text: str = Field(description="The words quoted.")
    attribution: str | None = Field(default=None, description="Who said it.")


Block = Annotated[
    Text | Image | Video | Audio | Callout | Accordion | Tabs | Quote,
    Field(discriminator="type"),
]
