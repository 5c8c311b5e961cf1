"""Who may use which staff command or button in which chat (bot/staff/authority.py), on the demo estate."""

from __future__ import annotations

import pytest

from bot.config import load_config
from bot.domain.audit import Place, Refusal
from bot.staff.authority import Authority

ESTATE = load_config(None)
SERVICE_DESK, ENGINEERING, SECURITY = -1001000000001, -1001000000002, -1001000000003
MANAGERS, FOREIGN, SUPERGROUP = -1001000000009, -1009999999999, -1001234567890
CHRIS, DAVID, AMY, GRACE, OUTSIDER = 9101, 9102, 9001, 9901, 4242  # supervisor, agent (engineering), manager

ALLOWED = None


@pytest.mark.parametrize(
    ("user", "chat", "private", "what", "expected"),
    [
        # A department's group: its own staff and the managers.
        (CHRIS, ENGINEERING, False, "queue", ALLOWED),
        (DAVID, ENGINEERING, False, "t", ALLOWED),
        (GRACE, ENGINEERING, False, "ticket", ALLOWED),
        (CHRIS, SECURITY, False, "queue", Refusal.WRONG_CHAT),
        (CHRIS, SECURITY, False, "t", Refusal.WRONG_CHAT),
        (OUTSIDER, ENGINEERING, False, "queue", Refusal.NOT_STAFF),
        (OUTSIDER, ENGINEERING, False, "t", Refusal.NOT_STAFF),
        # The managers' chat: managers alone; /report and /audit nowhere else.
        (GRACE, MANAGERS, False, "queue", ALLOWED),
        (GRACE, MANAGERS, False, "audit", ALLOWED),
        (GRACE, ENGINEERING, False, "report", Refusal.WRONG_CHAT),
        (GRACE, ENGINEERING, False, "audit", Refusal.WRONG_CHAT),
        (CHRIS, MANAGERS, False, "queue", Refusal.WRONG_CHAT),
        (CHRIS, MANAGERS, False, "report", Refusal.WRONG_CHAT),
        (OUTSIDER, MANAGERS, False, "audit", Refusal.NOT_STAFF),
        # Notices: supervisors and managers.
        (CHRIS, ENGINEERING, False, "notice", ALLOWED),
        (DAVID, ENGINEERING, False, "notice", Refusal.ROLE),
        (DAVID, ENGINEERING, False, "n", Refusal.ROLE),
        (GRACE, MANAGERS, False, "n", ALLOWED),
        # Anywhere else: nobody, not even a manager.
        (GRACE, FOREIGN, False, "queue", Refusal.WRONG_CHAT),
        (CHRIS, FOREIGN, False, "t", Refusal.WRONG_CHAT),
        (OUTSIDER, FOREIGN, False, "queue", Refusal.WRONG_CHAT),
        (CHRIS, CHRIS, True, "queue", Refusal.WRONG_CHAT),
        (GRACE, GRACE, True, "audit", Refusal.WRONG_CHAT),
    ],
)
def test_who_may_do_what_where(user: int, chat: int, private: bool, what: str, expected: Refusal | None) -> None:
    decision = Authority(ESTATE, {}).decide(user, chat, private, what)
    assert decision.refusal is expected
    assert decision.allowed is (expected is None)


def test_places_follow_the_configuration_and_chat_moves() -> None:
    moves: dict[int, int] = {}
    authority = Authority(ESTATE, moves)
    assert authority.place(ENGINEERING, False)[0] is Place.DEPARTMENT
    assert authority.place(ENGINEERING, False)[1] is ESTATE.routing.departments["engineering"]
    assert authority.place(MANAGERS, False) == (Place.MANAGERS, None)
    assert authority.place(SUPERGROUP, False) == (Place.FOREIGN, None)
    assert authority.place(CHRIS, True) == (Place.PRIVATE, None)
    # The engineering group became a supergroup: its new id is the department's group from then on.
    moves[ENGINEERING] = SUPERGROUP
    assert authority.place(SUPERGROUP, False)[0] is Place.DEPARTMENT
    assert authority.decide(CHRIS, SUPERGROUP, False, "queue").allowed
    assert authority.decide(AMY, SUPERGROUP, False, "queue").refusal is Refusal.WRONG_CHAT
