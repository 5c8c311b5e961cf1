"""Each language reads as its readers write: the estate's own name, amounts, the language prompt, mainland Chinese."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bot.config import load_config
from bot.domain.residents import Language
from bot.errors import ConfigError
from bot.i18n import format_money
from dialogs.engine import Engine
from integrations.sql.billing import AccountRow
from tests.helpers import MR_LI, MRS_CHAN, PETER, ChatDriver, texts


@pytest.mark.parametrize(
    ("language_code", "name"), [("zh-hk", "海景花園"), ("zh-cn", "海景花园"), ("en", "Harbour View Gardens")]
)
async def test_start_names_the_estate_in_the_residents_language(engine: Engine, language_code: str, name: str) -> None:
    driver = ChatDriver(engine, user_id=5550300, language_code=language_code)
    out = await driver.command("start")
    assert out.replies[0].title == name and name in out.replies[0].text


def test_an_estate_name_per_language_or_one_for_all(tmp_path: Path) -> None:
    estate = load_config(None)
    assert estate.name == "Harbour View Gardens"  # the English name where one name is needed
    assert estate.name_in("zh-Hant") == "海景花園" and estate.name_in("zh-Hans") == "海景花园"
    example = (Path(__file__).resolve().parents[2] / "bot" / "config.example.toml").read_text(encoding="utf-8")
    table = 'name = { en = "Harbour View Gardens", zh-Hant = "海景花園", zh-Hans = "海景花园" }'
    assert table in example
    path = tmp_path / "estate.toml"
    path.write_text(example.replace(table, 'name = "Sunny Court"'), encoding="utf-8")
    assert load_config(path).name_in("zh-Hant") == "Sunny Court"
    path.write_text(example.replace(table, 'name = { zh-Hant = "海景花園" }'), encoding="utf-8")
    assert load_config(path).name == "海景花園" and load_config(path).name_in("en") == "海景花園"
    for empty in ("name = {}", 'name = { en = " " }'):
        path.write_text(example.replace(table, empty), encoding="utf-8")
        with pytest.raises(ConfigError, match=r"estate\.name"):
            load_config(path)


@pytest.mark.parametrize("language_code", ["zh-hk", "zh-cn", "en", "fr"])
async def test_the_language_prompt_is_in_all_three_languages(engine: Engine, language_code: str) -> None:
    driver = ChatDriver(engine, user_id=5550301, language_code=language_code)
    out = await driver.command("language")
    prompt = out.replies[-1].text
    assert "請選擇語言" in prompt and "请选择语言" in prompt and "Choose your language" in prompt
    assert driver.buttons() == ["繁體中文", "简体中文", "English"]


async def test_a_negative_balance_has_a_minus_sign_and_a_negative_amount_due_is_a_credit(
    peter: ChatDriver, engine: Engine
) -> None:
    await peter.command("start")
    await peter.contact(PETER)
    resident = await engine.services.registry.by_phone(PETER)
    assert resident is not None
    await engine.services.billing.upsert_accounts(  # type: ignore[attr-defined]
        [
            AccountRow(
                unit_id=resident.units[0].unit.id,
                currency="HKD",
                fee_paid_until="2026-12",
                amount_due=Decimal("-200.00"),
                arrears=Decimal("0"),
                due_date=date(2026, 12, 31),
                water_balance=Decimal("-35.00"),
                electricity_balance=Decimal("1234.5"),
            )
        ]
    )
    out = await peter.press("menu:bill")
    fields = dict(out.replies[0].fields)
    assert fields["Amount due"] == "HK$200.00 in credit"
    assert fields["Arrears"] == "None"
    assert fields["Water balance (prepaid)"] == "\u2212HK$35.00"
    assert fields["Electricity balance (prepaid)"] == "HK$1,234.50"


async def test_amounts_in_chinese(chan: ChatDriver, li: ChatDriver) -> None:
    await chan.command("start")
    await chan.contact(MRS_CHAN)
    out = await chan.press("menu:bill")
    assert dict(out.replies[0].fields)["電費預繳餘額"] == "\u2212HK$35.00"
    await li.command("start")
    out = await li.contact(MR_LI)
    assert "谢谢您" in texts(out) and "绑定" in texts(out)


@pytest.mark.parametrize(
    ("language", "amount", "currency", "expected"),
    [
        (Language.EN, Decimal("-35"), "HKD", "\u2212HK$35.00"),
        (Language.ZH_HANT, Decimal("1850"), "HKD", "HK$1,850.00"),
        (Language.ZH_HANS, Decimal("-0.5"), "HKD", "\u2212HK$0.50"),
        (Language.ZH_HANS, Decimal("99"), "CNY", "¥99.00"),
    ],
)
def test_money_is_written_by_the_locale(language: Language, amount: Decimal, currency: str, expected: str) -> None:
    assert format_money(language, amount, currency, "HK") == expected
