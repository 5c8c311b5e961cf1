"""Bill enquiries: property fee, arrears, prepaid water and electricity, last payments. Read-only."""

from __future__ import annotations

from decimal import Decimal

from bot.domain.billing import BillStatement
from bot.domain.callback_data import choice_id
from bot.i18n import N_, Translator, format_money
from dialogs.engine import Dialog, Turn
from dialogs.events import EventKind
from dialogs.replies import Choice
from dialogs.report import resident_units, unit_by_id
from dialogs.understanding import Understanding

ITEM_LABELS = {
    "property_fee": N_("Property fee"),
    "water": N_("Water"),
    "electricity": N_("Electricity"),
}


def money(_: Translator, region: str, currency: str, amount: Decimal | None) -> str:
    if amount is None:
        return "-"
    return format_money(_.language, amount, "CNY" if currency.upper() == "RMB" else currency.upper(), region)


def amount_due(_: Translator, region: str, currency: str, amount: Decimal) -> str:
    """What the resident owes; a negative amount due is money paid ahead, said as a credit."""
    if amount < 0:
        return _("{amount} in credit", amount=money(_, region, currency, -amount))
    return money(_, region, currency, amount)


def statement_fields(_: Translator, region: str, s: BillStatement) -> tuple[tuple[str, str], ...]:
    """A unit's statement as (label, value) rows in the reader's language: every channel shows these."""
    rows = [
        (_("Property fee paid up to"), s.fee_paid_until or "-"),
        (_("Amount due"), amount_due(_, region, s.currency, s.amount_due)),
    ]
    if s.due_date:
        rows.append((_("Due date"), s.due_date.isoformat()))
    rows.append((_("Arrears"), money(_, region, s.currency, s.arrears) if s.arrears > 0 else _("None")))
    rows.append((_("Water balance (prepaid)"), money(_, region, s.currency, s.water_balance)))
    rows.append((_("Electricity balance (prepaid)"), money(_, region, s.currency, s.electricity_balance)))
    for p in s.payments:
        label = _(ITEM_LABELS[p.item]) if p.item in ITEM_LABELS else p.item
        rows.append((_("Paid {date}", date=p.paid_on.isoformat()), f"{label} {money(_, region, s.currency, p.amount)}"))
    return tuple(rows)


class BillDialog(Dialog):
    name = "bill"

    async def begin(self, turn: Turn, understood: Understanding | None = None) -> None:
        units = resident_units(turn)
        turn.start_flow(self.name, "unit")
        if understood is not None and understood.unit:
            mine = [u for u in units if u.named_by(understood.building, understood.unit)]
            if len(mine) == 1:
                await self._show(turn, mine[0].id)
                return
            # Never someone else's bill: say so and offer the resident's own units.
            turn.say(turn._("I can only show bills for your own units."))
        if len(units) == 1:
            await self._show(turn, units[0].id)
            return
        await self.prompt(turn, "unit")

    async def ask_unit(self, turn: Turn) -> None:
        _ = turn._
        turn.ask(_("Which unit?"), [Choice(f"unit:{u.id}", u.label) for u in resident_units(turn)])

    async def on_unit(self, turn: Turn) -> None:
        ev = turn.event
        if ev.kind is EventKind.CHOICE:
            unit = unit_by_id(turn, choice_id(ev.choice, "unit"))
            if unit is not None:
                await self._show(turn, unit.id)
                return
        await self.prompt(turn, "unit")

    async def _show(self, turn: Turn, unit_id: int) -> None:
        _ = turn._
        unit = unit_by_id(turn, unit_id)
        turn.end_flow()
        if unit is None:  # only the resident's own units ever reach here
            turn.say(_("I can only show bills for your own units."))
            return
        statement = await turn.services.billing.statement(unit_id)
        if statement is None:
            turn.say(
                _(
                    "There is no billing record for {unit} yet. Please contact the service desk at {phone}.",
                    unit=unit.label,
                    phone=turn.services.estate.service_desk_phone,
                )
            )
            return
        turn.say(
            _("Details as of the last update from the accounts office."),
            title=_("Bills for {unit}", unit=unit.label),
            fields=self.fields(turn, statement),
            key="bill.statement",
        )

    @staticmethod
    def fields(turn: Turn, s: BillStatement) -> tuple[tuple[str, str], ...]:
        return statement_fields(turn._, turn.services.estate.phone_region, s)
