"""The message catalogs: complete, Chinese punctuation full-width, Simplified Chinese written for the mainland."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from bot.domain.residents import Language
from bot.i18n import translate

LOCALES = Path(__file__).resolve().parents[1] / "bot" / "i18n" / "locales"
CHINESE = ("zh_Hant", "zh_Hans")

# Words a mainland reader sees as Hong Kong (or Cantonese) usage, with what they expect instead.
HONG_KONG_ONLY = {
    "甚么": "什么", "连结": "绑定 / 链接", "纪录": "记录", "屋苑": "小区", "多谢": "谢谢", "单位": "房屋",
    "私隐": "隐私", "讯息": "消息", "相片": "照片", "工作天": "工作日", "透过": "通过", "选单": "菜单",
    "机械人": "机器人", "管理处": "物业服务中心", "电邮": "邮箱", "质素": "质量", "联络": "联系", "升降机": "电梯",
    "水喉": "水管", "冷气": "空调", "泊车": "停车", "略过": "跳过", "回覆": "回复", "职员": "工作人员",
    "唔": "不", "咗": "了", "嘅": "的", "啲": "些", "冇": "没有", "係": "是", "喺": "在", "嚟": "来", "佢": "他",
}  # fmt: skip
_HAN = re.compile(r"[\u3400-\u9fff]")
_HALF_WIDTH_NEXT_TO_HAN = re.compile(r"[\u3400-\u9fff][,?!;:]|[,?!;:][\u3400-\u9fff]|[\u3400-\u9fff]\.(?:\s|$)|[()]")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def read(lang: str) -> Catalog:
    with (LOCALES / lang / "LC_MESSAGES" / "estatedesk.po").open("rb") as fh:
        return read_po(fh)


def messages(lang: str) -> dict[str, str]:
    return {str(m.id): str(m.string) for m in read(lang) if m.id}


def test_every_language_has_every_message() -> None:
    english = set(messages("en"))
    for lang in CHINESE:
        own = messages(lang)
        assert set(own) == english, lang
        assert not [msgid for msgid, text in own.items() if not text], lang
        assert not [m.id for m in read(lang) if m.id and m.fuzzy], lang


@pytest.mark.parametrize("lang", CHINESE)
def test_placeholders_are_kept(lang: str) -> None:
    for msgid, text in messages(lang).items():
        assert set(_PLACEHOLDER.findall(text)) == set(_PLACEHOLDER.findall(msgid)), (msgid, text)


@pytest.mark.parametrize("lang", CHINESE)
def test_chinese_text_uses_full_width_punctuation(lang: str) -> None:
    wrong = {text for text in messages(lang).values() if _HAN.search(text) and _HALF_WIDTH_NEXT_TO_HAN.search(text)}
    assert not wrong


def test_simplified_chinese_has_no_hong_kong_only_words() -> None:
    found = {
        (word, text) for text in messages("zh_Hans").values() for word in HONG_KONG_ONLY if word in text
    }  # fmt: skip
    assert not found, "\n".join(f"{word} (mainland: {HONG_KONG_ONLY[word]}): {text}" for word, text in sorted(found))


@pytest.mark.parametrize(
    ("msgid", "expected"),
    [
        ("What can I do for you?", "什么"),
        ("Thank you, {name}. This chat is now linked to: {units}.", "谢谢"),
        ("Thank you, {name}. This chat is now linked to: {units}.", "绑定"),
        ("There is no billing record for {unit} yet. Please contact the service desk at {phone}.", "记录"),
        (
            "To link this chat to your home, please share your phone number with the button below. "
            "We match it against the estate's resident records.",
            "小区",
        ),
    ],
)
def test_simplified_chinese_reads_as_mainland_text(msgid: str, expected: str) -> None:
    assert expected in translate(Language.ZH_HANS, msgid, name="李先生", units="1-1001", unit="1-1001", phone="1")
