"""Small builders shared by the repair, custom job and invoice tests (all through services)."""

from __future__ import annotations

from decimal import Decimal

from jewelbench.services import inventory, parties, settings

# the smallest valid PNG: enough for the type check, and a few bytes to store
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")
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
