"""Telegram's text formatting: HTML, MarkdownV2 and legacy Markdown parsed into plain text plus entities.

The parsers follow TDLib's (td/telegram/MessageEntity.cpp), error texts included; offsets count UTF-16 units.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Entity = dict[str, Any]

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024


class ParseError(ValueError):
    """The text cannot be parsed; the message is the part after "can't parse entities: "."""


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def utf16_slice(text: str, offset: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[offset * 2 : (offset + length) * 2].decode("utf-16-le", errors="replace")


def _units(ch: str) -> int:
    return 2 if ord(ch) > 0xFFFF else 1


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


# Entity kinds as TDLib names them (its error texts use these names) and the Bot API type they become.
_BOT_API_TYPE = {
    "Bold": "bold",
    "Italic": "italic",
    "Underline": "underline",
    "Strikethrough": "strikethrough",
    "Spoiler": "spoiler",
    "Code": "code",
    "Pre": "pre",
    "PreCode": "pre",
    "TextUrl": "text_link",
    "BlockQuote": "blockquote",
    "ExpandableBlockQuote": "expandable_blockquote",
    "CustomEmoji": "custom_emoji",
}
# TDLib's MessageEntity::get_type_priority: on equal offset and length the lower number is the outer entity.
_PRIORITY = {
    "BlockQuote": 0,
    "ExpandableBlockQuote": 0,
    "PreCode": 10,
    "Pre": 11,
    "Code": 20,
    "TextUrl": 49,
    "Bold": 90,
    "Italic": 91,
    "Underline": 92,
    "Strikethrough": 93,
    "Spoiler": 94,
    "CustomEmoji": 99,
}


@dataclass
class _Found:
    kind: str
    offset: int
    length: int
    argument: str = ""

    def to_api(self) -> Entity:
        entity: Entity = {"type": _BOT_API_TYPE[self.kind], "offset": self.offset, "length": self.length}
        if self.kind == "PreCode":
            entity["language"] = self.argument
        elif self.kind == "TextUrl":
            entity["url"] = self.argument
        elif self.kind == "CustomEmoji":
            entity["custom_emoji_id"] = self.argument
        return entity


def _finish(found: list[_Found]) -> list[Entity]:
    found.sort(key=lambda e: (e.offset, -e.length, _PRIORITY.get(e.kind, 50)))
    return [e.to_api() for e in found]


def _checked_link(url: str) -> str:
    """A usable link or "" (Telegram drops a link entity whose URL it cannot use)."""
    url = url.strip()
    if not url or any(c.isspace() for c in url):
        return ""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url):
        return url
    return f"http://{url}"


# --- HTML -------------------------------------------------------------------------------------------------

_HTML_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "tg-spoiler", "tg-emoji", "span", "pre",
     "code", "blockquote"}
)  # fmt: skip
_SPACE = frozenset(" \t\r\n\v\0")


def _decode_html_entity(text: str, pos: int) -> tuple[int, int]:
    """(code point, position after the entity) for the entity at ``pos``, or (0, pos) if it is not one."""

    def at(i: int) -> str:
        return text[i] if i < len(text) else "\0"

    end = pos + 1
    code = 0
    if at(pos + 1) == "#":
        end += 1
        if at(pos + 2) == "x":
            end += 1
            while at(end) in "0123456789abcdefABCDEF" and at(end) != "\0":
                code = code * 16 + int(at(end), 16)
                end += 1
        else:
            while at(end).isascii() and at(end).isdigit():
                code = code * 10 + int(at(end))
                end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return 0, pos
    else:
        while at(end).isascii() and at(end).isalpha():
            end += 1
        code = {"lt": ord("<"), "gt": ord(">"), "amp": ord("&"), "quot": ord('"')}.get(text[pos + 1 : end], 0)
        if code == 0:
            # Telegram keeps an unknown named entity as literal text rather than refusing the message.
            return 0, pos
    if at(end) == ";":
        end += 1
    return code, end


@dataclass
class _OpenTag:
    name: str
    argument: str
    utf16_offset: int
    out_index: int
    expandable: bool = False


def parse_html(source: str) -> tuple[str, list[Entity]]:
    """Plain text and entities of a message sent with parse_mode HTML. Raises :class:`ParseError`."""
    out: list[str] = []
    utf16 = 0
    stack: list[_OpenTag] = []
    found: list[_Found] = []
    n = len(source)

    def at(i: int) -> str:
        return source[i] if i < n else "\0"

    def fail(message: str) -> ParseError:
        return ParseError(message)

    i = 0
    while i < n:
        c = source[i]
        if c == "&":
            code, after = _decode_html_entity(source, i)
            if code:
                out.append(chr(code))
                utf16 += 2 if code > 0xFFFF else 1
                i = after
                continue
        if c != "<":
            out.append(c)
            utf16 += _units(c)
            i += 1
            continue

        begin = i
        i += 1
        if at(i) != "/":
            while at(i) not in _SPACE and at(i) != ">":
                i += 1
            if i >= n:
                raise fail(f"Unclosed start tag at byte offset {_byte_offset(source, begin)}")
            tag = source[begin + 1 : i].lower()
            if tag not in _HTML_TAGS:
                raise fail(f'Unsupported start tag "{tag}" at byte offset {_byte_offset(source, begin)}')
            argument = ""
            expandable = False
            while at(i) != ">":
                while i < n and at(i) in _SPACE:
                    i += 1
                if at(i) == ">":
                    break
                attribute_begin = i
                while at(i) not in _SPACE and at(i) not in "=>":
                    i += 1
                attribute = source[attribute_begin:i]
                if not attribute:
                    raise fail(f'Empty attribute name in the tag "{tag}" at byte offset {_byte_offset(source, begin)}')
                while i < n and at(i) in _SPACE:
                    i += 1
                if tag == "blockquote" and attribute == "expandable" and at(i) != "=":
                    # Bot API 7.4: <blockquote expandable> takes no value.
                    expandable = True
                    continue
                if at(i) != "=":
                    raise fail(
                        f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                        f"at byte offset {_byte_offset(source, begin)}"
                    )
                i += 1
                while i < n and at(i) in _SPACE:
                    i += 1
                if i >= n:
                    raise fail(f'Unclosed start tag "{tag}" at byte offset {_byte_offset(source, begin)}')
                if at(i) not in "'\"":
                    token_begin = i
                    while (at(i).isascii() and at(i).isalnum()) or at(i) in ".-":
                        i += 1
                    value = source[token_begin:i].lower()
                    if at(i) not in _SPACE and at(i) != ">":
                        raise fail(f"Unexpected end of name token at byte offset {_byte_offset(source, token_begin)}")
                else:
                    quote = source[i]
                    i += 1
                    chars: list[str] = []
                    while i < n and source[i] != quote:
                        if source[i] == "&":
                            code, after = _decode_html_entity(source, i)
                            if code:
                                chars.append(chr(code))
                                i = after
                                continue
                        chars.append(source[i])
                        i += 1
                    if i < n:
                        i += 1
                    value = "".join(chars)
                if i >= n:
                    raise fail(f"Unclosed start tag at byte offset {_byte_offset(source, begin)}")
                if tag == "a" and attribute == "href":
                    argument = value
                elif tag == "code" and attribute == "class" and value.startswith("language-"):
                    argument = value[len("language-") :]
                elif tag == "span" and attribute == "class" and value.startswith("tg-"):
                    argument = value[len("tg-") :]
                elif tag == "tg-emoji" and attribute == "emoji-id":
                    argument = value
            if tag == "span" and argument != "spoiler":
                raise fail(f'Tag "span" must have class "tg-spoiler" at byte offset {_byte_offset(source, begin)}')
            stack.append(_OpenTag(tag, argument, utf16, len(out), expandable))
            i += 1  # the '>'
            continue

        # an end tag
        if not stack:
            raise fail(f"Unexpected end tag at byte offset {_byte_offset(source, begin)}")
        while at(i) not in _SPACE and at(i) != ">":
            i += 1
        end_name = source[begin + 2 : i].lower()
        while i < n and at(i) in _SPACE:
            i += 1
        if at(i) != ">":
            raise fail(f"Unclosed end tag at byte offset {_byte_offset(source, begin)}")
        top = stack[-1]
        if end_name and end_name != top.name:
            raise fail(
                f'Unmatched end tag at byte offset {_byte_offset(source, begin)}, expected "</{top.name}>", '
                f'found "</{end_name}>"'
            )
        if utf16 > top.utf16_offset:
            _close_html_entity(top, utf16, out, found)
        stack.pop()
        i += 1  # the '>'

    if stack:
        raise ParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    for entity in found:
        if entity.kind == "Code":
            entity.argument = ""
    return "".join(out), _finish(found)


def _close_html_entity(top: _OpenTag, utf16: int, out: list[str], found: list[_Found]) -> None:
    offset, length = top.utf16_offset, utf16 - top.utf16_offset
    name = top.name
    simple = {
        "i": "Italic", "em": "Italic", "b": "Bold", "strong": "Bold", "s": "Strikethrough",
        "strike": "Strikethrough", "del": "Strikethrough", "u": "Underline", "ins": "Underline",
        "tg-spoiler": "Spoiler", "span": "Spoiler",
    }  # fmt: skip
    if name in simple:
        found.append(_Found(simple[name], offset, length))
    elif name == "tg-emoji":
        if not top.argument.isdigit() or int(top.argument) == 0:
            raise ParseError("Invalid custom emoji identifier specified")
        found.append(_Found("CustomEmoji", offset, length, top.argument))
    elif name == "a":
        url = _checked_link(top.argument or "".join(out[top.out_index :]))
        if url:
            found.append(_Found("TextUrl", offset, length, url))
    elif name == "pre":
        last = found[-1] if found else None
        if last and last.kind == "Code" and (last.offset, last.length) == (offset, length) and last.argument:
            last.kind = "PreCode"
        else:
            found.append(_Found("Pre", offset, length))
    elif name == "code":
        last = found[-1] if found else None
        if last and last.kind == "Pre" and (last.offset, last.length) == (offset, length) and top.argument:
            last.kind = "PreCode"
            last.argument = top.argument
        else:
            found.append(_Found("Code", offset, length, top.argument))
    elif name == "blockquote":
        found.append(_Found("ExpandableBlockQuote" if top.expandable else "BlockQuote", offset, length))


# --- MarkdownV2 ---------------------------------------------------------------------------------------------


@dataclass
class _OpenMark:
    kind: str
    argument: str
    utf16_offset: int
    byte_offset: int
    out_index: int


def _reserved(ch: str) -> ParseError:
    return ParseError(f"Character '{ch}' is reserved and must be escaped with the preceding '\\'")


def parse_markdown_v2(source: str) -> tuple[str, list[Entity]]:
    """Plain text and entities of a message sent with parse_mode MarkdownV2. Raises :class:`ParseError`."""
    out: list[str] = []
    found: list[_Found] = []
    stack: list[_OpenMark] = []
    utf16 = 0
    have_blockquote = False
    n = len(source)

    def at(i: int) -> str:
        return source[i] if i < n else "\0"

    def escapable(ch: str) -> bool:
        return 0 < ord(ch) <= 126

    i = -1
    while True:
        i += 1  # the C for-loop's increment, so `continue` behaves as it does there
        if i >= n:
            break
        c = source[i]
        if c == "\\" and escapable(at(i + 1)):
            i += 1
            utf16 += 1
            out.append(source[i])
            continue

        reserved = "_*[]()~`>#+-=|{}.!\n"
        if stack and stack[-1].kind in ("Code", "Pre", "PreCode"):
            reserved = "`"
        if c not in reserved:
            out.append(c)
            utf16 += _units(c)
            continue

        is_end = False
        if stack:
            top = stack[-1].kind
            if have_blockquote and c == "\n" and (i + 1 == n or at(i + 1) != ">"):
                is_end = True
            elif top == "Bold":
                is_end = c == "*"
            elif top == "Italic":
                is_end = c == "_" and at(i + 1) != "_"
            elif top == "Code":
                is_end = c == "`"
            elif top in ("Pre", "PreCode"):
                is_end = c == "`" and at(i + 1) == "`" and at(i + 2) == "`"
            elif top in ("TextUrl", "CustomEmoji"):
                is_end = c == "]"
            elif top == "Underline":
                is_end = c == "_" and at(i + 1) == "_"
            elif top == "Strikethrough":
                is_end = c == "~"
            elif top == "Spoiler":
                is_end = c == "|" and at(i + 1) == "|"

        if not is_end:
            kind: str | None
            argument = ""
            byte_offset = _byte_offset(source, i)
            if c == "_":
                if at(i + 1) == "_":
                    kind = "Underline"
                    i += 1
                else:
                    kind = "Italic"
            elif c == "*":
                kind = "Bold"
            elif c == "~":
                kind = "Strikethrough"
            elif c == "|":
                if at(i + 1) != "|":
                    raise _reserved(c)
                i += 1
                kind = "Spoiler"
            elif c == "[":
                kind = "TextUrl"
            elif c == "`":
                if at(i + 1) == "`" and at(i + 2) == "`":
                    i += 3
                    kind = "Pre"
                    language_end = i
                    while at(language_end) not in _SPACE and at(language_end) != "`":
                        language_end += 1
                    if i != language_end and language_end < n and at(language_end) != "`":
                        kind = "PreCode"
                        argument = source[i:language_end]
                        i = language_end
                    # one new line at the start of the block is not part of it
                    if at(i) in "\n\r" and i < n:
                        if at(i + 1) in "\n\r" and i + 1 < n and at(i) != at(i + 1):
                            i += 2
                        else:
                            i += 1
                    i -= 1
                else:
                    kind = "Code"
            elif c == "!":
                if at(i + 1) != "[":
                    raise _reserved(c)
                i += 1
                kind = "CustomEmoji"
            elif c == "\n":
                utf16 += 1
                out.append("\n")
                kind = None
                if i + 1 < n and at(i + 1) == ">":
                    i += 1
                    if not have_blockquote:
                        kind = "BlockQuote"
                        have_blockquote = True
            elif c == ">":
                if i != 0:
                    raise _reserved(c)
                kind = "BlockQuote"
                have_blockquote = True
            else:
                raise _reserved(c)
            if kind is None:
                continue
            stack.append(_OpenMark(kind, argument, utf16, byte_offset, len(out)))
            continue

        # the end of an entity
        top_mark = stack[-1]
        kind = top_mark.kind
        if c == "\n" and kind != "BlockQuote":
            raise ParseError(f"Can't find end of {kind} entity at byte offset {top_mark.byte_offset}")
        argument = top_mark.argument
        skip = utf16 == top_mark.utf16_offset
        if kind in ("Underline", "Spoiler"):
            i += 1
        elif kind in ("Pre", "PreCode"):
            i += 2
        elif kind == "TextUrl":
            if at(i + 1) != "(":
                url = "".join(out[top_mark.out_index :])
            else:
                i += 2
                url_begin = i
                chars: list[str] = []
                while i < n and source[i] != ")":
                    if source[i] == "\\" and escapable(at(i + 1)):
                        chars.append(source[i + 1])
                        i += 2
                        continue
                    chars.append(source[i])
                    i += 1
                if at(i) != ")":
                    raise ParseError(f"Can't find end of a URL at byte offset {_byte_offset(source, url_begin)}")
                url = "".join(chars)
            checked = _checked_link(url)
            if checked:
                argument = checked
            else:
                skip = True
        elif kind == "CustomEmoji":
            if at(i + 1) != "(":
                raise ParseError("Custom emoji entity must contain a tg://emoji URL")
            i += 2
            url_begin = i
            chars = []
            while i < n and source[i] != ")":
                if source[i] == "\\" and escapable(at(i + 1)):
                    chars.append(source[i + 1])
                    i += 2
                    continue
                chars.append(source[i])
                i += 1
            if at(i) != ")":
                raise ParseError(
                    f"Can't find end of a custom emoji URL at byte offset {_byte_offset(source, url_begin)}"
                )
            match = re.fullmatch(r"tg://emoji\?id=(\d+)", "".join(chars))
            if not match:
                raise ParseError("Invalid custom emoji URL specified")
            argument = match.group(1)
        elif kind == "BlockQuote":
            have_blockquote = False
            out.append(c)
            utf16 += 1
        if not skip:
            found.append(_Found(kind, top_mark.utf16_offset, utf16 - top_mark.utf16_offset, argument))
        stack.pop()

    if have_blockquote and stack and stack[-1].kind == "BlockQuote":
        top_mark = stack.pop()
        if utf16 != top_mark.utf16_offset:
            found.append(_Found("BlockQuote", top_mark.utf16_offset, utf16 - top_mark.utf16_offset))
    if stack:
        raise ParseError(f"Can't find end of {stack[-1].kind} entity at byte offset {stack[-1].byte_offset}")
    return "".join(out), _finish(found)


# --- legacy Markdown -------------------------------------------------------------------------------------


def parse_markdown(source: str) -> tuple[str, list[Entity]]:
    """Plain text and entities for the legacy parse_mode Markdown. Raises :class:`ParseError`."""
    out: list[str] = []
    found: list[_Found] = []
    utf16 = 0
    n = len(source)

    def at(i: int) -> str:
        return source[i] if i < n else "\0"

    i = -1
    while True:
        i += 1
        if i >= n:
            break
        c = source[i]
        if c == "\\" and at(i + 1) in "_*`[" and i + 1 < n:
            i += 1
            out.append(source[i])
            utf16 += 1
            continue
        if c not in "_*`[":
            out.append(c)
            utf16 += _units(c)
            continue
        begin = i
        end_char = "]" if c == "[" else c
        is_pre = False
        language = ""
        i += 1
        if c == "`" and at(i) == "`" and at(i + 1) == "`":
            i += 2
            is_pre = True
            language_end = i
            while at(language_end) not in _SPACE and at(language_end) != "`":
                language_end += 1
            if i != language_end and language_end < n and at(language_end) != "`":
                language = source[i:language_end]
                i = language_end
            if at(i) in "\n\r" and i < n:
                if at(i + 1) in "\n\r" and i + 1 < n and at(i) != at(i + 1):
                    i += 2
                else:
                    i += 1
        entity_offset = utf16
        while i < n and (source[i] != end_char or (is_pre and not (at(i + 1) == "`" and at(i + 2) == "`"))):
            out.append(source[i])
            utf16 += _units(source[i])
            i += 1
        if i == n:
            raise ParseError(f"Can't find end of the entity starting at byte offset {_byte_offset(source, begin)}")
        if entity_offset != utf16:
            length = utf16 - entity_offset
            if c == "_":
                found.append(_Found("Italic", entity_offset, length))
            elif c == "*":
                found.append(_Found("Bold", entity_offset, length))
            elif c == "[":
                if at(i + 1) != "(":
                    url = source[begin + 1 : i]
                else:
                    i += 2
                    url_chars: list[str] = []
                    while i < n and source[i] != ")":
                        url_chars.append(source[i])
                        i += 1
                    url = "".join(url_chars)
                checked = _checked_link(url)
                if checked:
                    found.append(_Found("TextUrl", entity_offset, length, checked))
            elif is_pre:
                found.append(_Found("PreCode" if language else "Pre", entity_offset, length, language))
            else:
                found.append(_Found("Code", entity_offset, length))
        if is_pre:
            i += 2
    return "".join(out), _finish(found)


# --- after parsing ----------------------------------------------------------------------------------------


def parse(text: str, parse_mode: str | None) -> tuple[str, list[Entity]]:
    """Parse ``text`` in ``parse_mode`` (case-insensitive, None or "" for none). Raises ParseError or ValueError.

    ValueError (not ParseError) means the parse mode itself is unknown.
    """
    mode = (parse_mode or "").lower()
    if mode in ("", "none"):
        return text, []
    if mode == "html":
        return parse_html(text)
    if mode == "markdownv2":
        return parse_markdown_v2(text)
    if mode == "markdown":
        return parse_markdown(text)
    raise ValueError("unsupported parse_mode")


_TRIMMED = " \t\r\n\v\f"


def trim(text: str, entities: Sequence[Entity]) -> tuple[str, list[Entity]]:
    """Strip leading and trailing white space as Telegram does, moving and clipping the entities with it."""
    stripped_front = len(text) - len(text.lstrip(_TRIMMED))
    shift = utf16_len(text[:stripped_front])
    body = text.strip(_TRIMMED)
    limit = utf16_len(body)
    result: list[Entity] = []
    for entity in entities:
        start = max(entity["offset"] - shift, 0)
        end = min(entity["offset"] + entity["length"] - shift, limit)
        if end > start:
            result.append({**entity, "offset": start, "length": end - start})
    return body, result


# Auto-detected entities, which Telegram adds to every text whatever the parse mode (TDLib's
# match_bot_commands / match_mentions / a simple URL match).
_BOT_COMMAND = re.compile(r"(?<![\w/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/<>])")
_MENTION = re.compile(r"(?<!\w)@[A-Za-z0-9_]{2,32}(?!\w)")
_URL = re.compile(r"\bhttps?://[^\s<>\"]+[^\s<>\".,;:!?)\]]")
_OPAQUE = frozenset({"code", "pre", "text_link", "text_mention", "custom_emoji"})


def with_auto_entities(text: str, entities: Iterable[Entity]) -> list[Entity]:
    """``entities`` plus the bot_command, mention and url entities Telegram finds in the plain text."""
    given = list(entities)
    blocked = [(e["offset"], e["offset"] + e["length"]) for e in given if e["type"] in _OPAQUE]
    auto: list[Entity] = []
    for kind, pattern in (("bot_command", _BOT_COMMAND), ("mention", _MENTION), ("url", _URL)):
        for match in pattern.finditer(text):
            offset = utf16_len(text[: match.start()])
            length = utf16_len(match.group(0))
            if any(a < offset + length and offset < b for a, b in blocked):
                continue
            if any(e["offset"] < offset + length and offset < e["offset"] + e["length"] for e in auto):
                continue
            auto.append({"type": kind, "offset": offset, "length": length})
    merged = given + auto
    merged.sort(key=lambda e: (e["offset"], -e["length"]))
    return merged


# --- rendering back to HTML -------------------------------------------------------------------------------


def to_html(text: str, entities: Sequence[Entity]) -> str:
    """The text as Telegram-style HTML, for reading a conversation (the inverse of :func:`parse_html`)."""
    units = text.encode("utf-16-le")

    def segment(start: int, end: int) -> str:
        return html.escape(units[start * 2 : end * 2].decode("utf-16-le", errors="replace"), quote=False)

    ordered = sorted(entities, key=lambda e: (e["offset"], -e["length"], _PRIORITY.get(e["type"], 50)))

    def render(start: int, end: int, inner: list[Entity]) -> str:
        parts: list[str] = []
        pos = start
        index = 0
        while index < len(inner):
            entity = inner[index]
            e_start = max(entity["offset"], pos)
            e_end = min(entity["offset"] + entity["length"], end)
            children: list[Entity] = []
            index += 1
            while index < len(inner) and inner[index]["offset"] < e_end:
                children.append(inner[index])
                index += 1
            parts.append(segment(pos, e_start))
            parts.append(_wrap(entity, render(e_start, e_end, children)))
            pos = e_end
        parts.append(segment(pos, end))
        return "".join(parts)

    return render(0, len(units) // 2, ordered)


def _wrap(entity: Entity, inner: str) -> str:
    kind = entity["type"]
    tags = {"bold": "b", "italic": "i", "underline": "u", "strikethrough": "s", "spoiler": "tg-spoiler",
            "code": "code", "blockquote": "blockquote"}  # fmt: skip
    if kind in tags:
        return f"<{tags[kind]}>{inner}</{tags[kind]}>"
    if kind == "expandable_blockquote":
        return f"<blockquote expandable>{inner}</blockquote>"
    if kind == "pre":
        if entity.get("language"):
            return f'<pre><code class="language-{html.escape(entity["language"])}">{inner}</code></pre>'
        return f"<pre>{inner}</pre>"
    if kind == "text_link":
        return f'<a href="{html.escape(entity["url"])}">{inner}</a>'
    if kind == "text_mention":
        return f'<a href="tg://user?id={entity["user"]["id"]}">{inner}</a>'
    if kind == "custom_emoji":
        return f'<tg-emoji emoji-id="{entity["custom_emoji_id"]}">{inner}</tg-emoji>'
    return inner
