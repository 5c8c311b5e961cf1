"""Display names of keys (categories, urgencies, statuses), marked for translation."""

from __future__ import annotations

from bot.domain.tickets import TicketKind, TicketStatus, Urgency
from bot.i18n import N_, Translator

REPAIR_LABELS = {
    "plumbing": N_("Plumbing / leak"),
    "electrical": N_("Electrical"),
    "elevator": N_("Elevator"),
    "doors": N_("Doors and access"),
    "common_area": N_("Common area"),
    "other": N_("Other"),
}
COMPLAINT_LABELS = {
    "noise": N_("Noise"),
    "neighbour": N_("Neighbour"),
    "staff": N_("Staff conduct"),
    "cleanliness": N_("Cleanliness"),
    "security": N_("Security"),
    "parking": N_("Parking"),
    "other": N_("Other"),
}
KIND_LABELS = {
    TicketKind.REPAIR: N_("Repair"),
    TicketKind.COMPLAINT: N_("Complaint"),
    TicketKind.ENQUIRY: N_("Enquiry"),
    TicketKind.VERIFICATION: N_("Phone verification"),
}
URGENCY_LABELS = {
    Urgency.NORMAL: N_("Normal"),
    Urgency.URGENT: N_("Urgent"),
    Urgency.EMERGENCY: N_("Emergency"),
}
STATUS_LABELS = {
    TicketStatus.NEW: N_("Received"),
    TicketStatus.ASSIGNED: N_("Assigned"),
    TicketStatus.IN_PROGRESS: N_("In progress"),
    TicketStatus.NEED_INFO: N_("Needs your reply"),
    TicketStatus.RESOLVED: N_("Resolved"),
    TicketStatus.CLOSED: N_("Closed"),
    TicketStatus.CANCELLED: N_("Cancelled"),
}


# The common areas bot.nlu.places finds, as the place of a report ("Block A lift").
AREA_LABELS = {
    "lobby": N_("Lobby"),
    "lift": N_("Lift"),
    "car_park": N_("Car park"),
    "refuse_room": N_("Refuse room"),
    "stairwell": N_("Stairwell"),
    "corridor": N_("Corridor"),
    "clubhouse": N_("Club house"),
    "garden": N_("Garden"),
    "podium": N_("Podium"),
    "playground": N_("Playground"),
    "pool": N_("Swimming pool"),
    "gym": N_("Gym"),
    "gate": N_("Gate"),
    "roof": N_("Roof"),
    "mailbox": N_("Mailboxes"),
    "common_area": N_("Common area"),
}

OTHER_LABELS = {"general": N_("General enquiry"), "phone": N_("Phone number not in the registry")}


def area_label(_: Translator, area: str, building: str | None) -> str:
    """A common area as a report's place: "Block A lift", "A座升降機", "A栋电梯"; the building may be unknown."""
    name = _(AREA_LABELS.get(area, AREA_LABELS["common_area"]))
    if not building:
        return name
    return _("{block} {area}", block=_("Block {building}", building=building), area=name)


def category_label(_: Translator, kind: TicketKind, category: str) -> str:
    table = {TicketKind.REPAIR: REPAIR_LABELS, TicketKind.COMPLAINT: COMPLAINT_LABELS}.get(kind, OTHER_LABELS)
    return _(table[category]) if category in table else category
