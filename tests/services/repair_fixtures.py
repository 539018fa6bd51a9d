"""Small builders shared by the repair, custom job and invoice tests (all through services)."""

from __future__ import annotations

import struct
import zlib
from decimal import Decimal

from jewelbench.services import inventory, parties, settings


def _png(width: int = 24, height: int = 16, rgb=(200, 170, 60)) -> bytes:
    """A real (decodable) PNG, built here so the tests need no image files."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


PNG = _png()
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32 + b"\xff\xd9"


def shop(db, tax_rate="8.25") -> int:
    """A store with a tax rate and one customer; returns the customer's id."""
    settings.set_store(db, tax_rate=tax_rate)
    return parties.add_customer(db, name="Ann Lee", phone="(555) 123-4567").id


def in_house_item(db, cost="400.00", description="14K yellow solitaire ring") -> int:
    return inventory.add_item(db, description=description, cost=Decimal(cost)).id


def item_status(db, item_id) -> tuple[str, Decimal]:
    item = inventory.get_item(db, item_id)
    return item.status, item.cost_basis


def stone_lot(db, count=10, carats="0.500", cost="250.00") -> int:
    return inventory.receive_stones(db, description="2.5 mm round diamond", count=count,
                                    carats=Decimal(carats), cost=Decimal(cost)).id
