"""Just enough image handling for the fake: read an image's size from its header, and a tiny valid JPEG."""

from __future__ import annotations

import struct

# Telegram stores up to this many pixels on the long side of a photo and makes smaller copies below it.
_PHOTO_SIDES = (90, 320, 800)
_MAX_PHOTO_SIDE = 1280


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a JPEG, PNG, GIF or WebP image, or None when the bytes are none of those."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp_size(data)
    if data[:2] == b"\xff\xd8":
        return _jpeg_size(data)
    return None


def image_mime(data: bytes) -> str:
    """The MIME type of an image :func:`image_size` understands (JPEG when unsure)."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:4] == b"GIF8":
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return "image/jpeg"


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        # SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if pos + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return (width, height) if width and height else None
        pos += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X" and len(data) >= 30:
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    if chunk == b"VP8 " and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def photo_sizes(width: int, height: int) -> list[tuple[int, int]]:
    """The sizes Telegram keeps of a photo, smallest first: thumbnails, then the photo capped at 1280 px."""
    longest = max(width, height)
    sides = [side for side in _PHOTO_SIDES if side < longest]
    sides.append(min(longest, _MAX_PHOTO_SIDE))
    return [(max(1, round(width * side / longest)), max(1, round(height * side / longest))) for side in sides]


def tiny_jpeg() -> bytes:
    """An 8x8 mid-grey baseline JPEG (about 150 bytes) that real decoders accept.

    Built segment by segment rather than pasted as a blob, so a reader can check it: one grey-scale
    component, every block coded as "DC difference 0, end of block" with one-code Huffman tables.
    """

    def segment(marker: int, payload: bytes) -> bytes:
        return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload

    jfif = segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    quant = segment(0xDB, b"\x00" + b"\x01" * 64)
    frame = segment(0xC0, struct.pack(">BHHB", 8, 8, 8, 1) + b"\x01\x11\x00")
    one_code = bytes([1] + [0] * 15) + b"\x00"  # a single code of length 1 for symbol 0
    dc_table = segment(0xC4, b"\x00" + one_code)
    ac_table = segment(0xC4, b"\x10" + one_code)
    scan = segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    # Bits "0" (DC category 0) and "0" (end of block), padded with ones.
    entropy = b"\x3f"
    return b"\xff\xd8" + jfif + quant + frame + dc_table + ac_table + scan + entropy + b"\xff\xd9"


TINY_JPEG = tiny_jpeg()
