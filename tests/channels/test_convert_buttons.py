"""Any callback data a client may send under a private message becomes a dialog event that cannot raise.

Dialog buttons keep their token; a resident's ticket button, or a long-lived one of a known prefix, is
routed by kind; anything else is "forged", which the dialogs answer with "This button has expired."
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from telegram import Update

from bot.channels.telegram.convert import to_inbound
from bot.domain.callback_data import parse, parse_dialog
from dialogs.events import EventKind

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=("Cs",)), max_size=64)
LOOKALIKE = st.lists(st.sampled_from(["d", "r", "s", "q", "t", "n", "f", ":", "1", "²", "msg", "ab", "5"]), max_size=7)


def press(data: str) -> Update:
    user = {"id": 7001, "is_bot": False, "first_name": "Chan"}
    message = {"message_id": 3, "date": 0, "chat": {"id": 7001, "type": "private"}, "text": "?"}
    return Update.de_json(
        {"update_id": 1, "callback_query": {"id": "1", "from": user, "chat_instance": "1", "message": message,
                                            "data": data}},
        None,
    )  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.one_of(ANY_TEXT, LOOKALIKE.map("".join)))
def test_any_data_becomes_an_event_of_a_known_kind(data: str) -> None:
    event = to_inbound(press(data))
    assert event is not None and event.kind is EventKind.CHOICE
    found = parse(data)
    if found is None:
        assert (event.token, event.choice) == ("forged", "")
    elif found[0] == "d":
        assert (event.token, event.choice) == parse_dialog(data)
    elif found[0] == "r":
        assert (event.token, event.choice) == ("ticket", data)
    else:  # surveys, questionnaires, fee reminders; staff buttons too, which no private handler takes
        assert (event.token, event.choice) == ("ext", data)
