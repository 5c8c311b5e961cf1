"""What a dialog says, neutral of channel: Telegram renders inline keyboards, the phone speaks options."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Telegram allows 64 bytes of callback data; "d:<token>:" takes at most 12 of them.
MAX_CHOICE_VALUE_BYTES = 48


@dataclass(frozen=True)
class Choice:
    value: str  # what comes back in the event, short ASCII: "plumbing", "unit:12", "confirm"
    label: str  # what the resident sees, already translated

    def __post_init__(self) -> None:
        if not self.value or len(self.value.encode()) > MAX_CHOICE_VALUE_BYTES:
            raise ValueError(f"choice value {self.value!r} is empty or over {MAX_CHOICE_VALUE_BYTES} bytes")


@dataclass(frozen=True)
class Reply:
    """One message to the resident. Text is plain: every channel escapes it for itself."""

    text: str
    title: str | None = None  # shown bold above the text
    fields: tuple[tuple[str, str], ...] = ()  # label/value lines of a summary
    choices: tuple[tuple[Choice, ...], ...] = ()  # rows of buttons
    token: str = ""  # stamps the buttons so a stale press is recognised
    contact_button: str | None = None  # label of a "share my phone number" button
    remove_keyboard: bool = False  # remove a contact button shown earlier
    photos: tuple[str, ...] = field(default_factory=tuple)
    force_reply: bool = False  # ask the reader to reply to this message (staff prompts in groups)
    # What this message is, stable across wording and language ("repair.category", "report.received"):
    # a channel that cannot show buttons or text (the phone) renders its own version by this key.
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reply:
        return cls(
            text=data["text"],
            title=data.get("title"),
            fields=tuple((a, b) for a, b in data.get("fields", ())),
            choices=tuple(tuple(Choice(**c) for c in row) for row in data.get("choices", ())),
            token=data.get("token", ""),
            contact_button=data.get("contact_button"),
            remove_keyboard=data.get("remove_keyboard", False),
            photos=tuple(data.get("photos", ())),
            force_reply=data.get("force_reply", False),
            key=data.get("key", ""),
        )
