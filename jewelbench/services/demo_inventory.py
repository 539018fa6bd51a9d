"""The demo shop's inventory and styles catalog: stone lots, pieces in the case, designs.

Everything goes through the services. Style numbers and certificates are the demo's own, so
it sits beside what the other demo parts add (their designs and their certified stone).
"""

from __future__ import annotations

from decimal import Decimal

from jewelbench.db import Database
from jewelbench.services import inventory, parties, styles

D = Decimal

LOTS = [
    dict(description="1.02 ct round brilliant F VS2", count=1, carats="1.02",
         unit_price="6000", certificate="GIA 5212739804", stone_type="Diamond",
         shape="Round", size="6.4 mm", color="F", clarity="VS2"),
    dict(description="0.71 ct oval blue sapphire, Ceylon, unheated", count=1, carats="0.71",
         cost="1150", certificate="AGL 1104562", stone_type="Sapphire", shape="Oval",
         size="6×4.5 mm", color="Royal blue", clarity="Eye clean", pricing="per_piece"),
    dict(description="1.0 mm round melee G/H VS", count=1000, carats="5.000", cost="2250",
         stone_type="Diamond", shape="Round", size="1.0 mm", color="G/H", clarity="VS"),
    dict(description="1.5 mm round melee F/G VS", count=400, carats="5.200", cost="3120",
         stone_type="Diamond", shape="Round", size="1.5 mm", color="F/G", clarity="VS"),
    dict(description="2.0 mm round melee G/H SI1", count=150, carats="4.500", cost="2025",
         stone_type="Diamond", shape="Round", size="2.0 mm", color="G/H", clarity="SI1"),
    dict(description="3 mm round blue sapphire melee", count=60, carats="6.600",
         unit_price="9.50", pricing="per_piece", stone_type="Sapphire", shape="Round",
         size="3 mm", color="Blue"),
    dict(description="6×4 mm oval emeralds", count=12, carats="4.800", unit_price="38",
         pricing="per_piece", stone_type="Emerald", shape="Oval", size="6×4 mm",
         color="Green"),
    dict(description="6.5 mm Akoya pearls, AA", count=40, carats="64.000", unit_price="22",
         pricing="per_piece", stone_type="Pearl", shape="Round", size="6.5 mm"),
]

ITEMS = [
    ("14K white gold halo setting for a 6 mm oval", "Ring", "14K White", "420.00", None),
    ("14K yellow gold rope chain, 20 in, 3 mm", "Chain", "14K Yellow", "312.40", None),
    ("Sterling silver hoop earrings, 25 mm", "Earrings", "Sterling Silver", "18.50", "59.00"),
    ("18K white gold diamond eternity band, size 6, 1.00 ctw", "Band", "18K White",
     "1480.00", "3950.00"),
    ("14K yellow gold diamond stud earrings, 0.50 ctw", "Earrings", "14K Yellow", "610.00",
     None),
    ("Platinum three-stone engagement ring, 1.25 ctw", "Engagement ring", "Platinum",
     "2875.00", "6995.00"),
    ("14K rose gold morganite pendant, 8 mm cushion", "Pendant", "14K Rose", "245.00", None),
    ("Akoya pearl strand, 18 in, 6.5–7 mm", "Necklace", "14K Yellow", "690.00", "1795.00"),
    ("Sterling silver charm bracelet, 7.5 in", "Bracelet", "Sterling Silver", "34.00", None),
    ("14K white gold sapphire and diamond bar necklace", "Necklace", "14K White", "365.00",
     None),
    ("10K yellow gold signet ring, size 10", "Ring", "10K Yellow", "198.00", None),
    ("18K yellow gold emerald cluster ring, vintage style", "Ring", "18K Yellow", "1240.00",
     "2890.00"),
]


def _vendor(db: Database, word: str) -> int | None:
    found = parties.list_vendors(db, text=word)
    return found[0].id if found else None


def _styles(db: Database) -> list[styles.StyleView]:
    caster, setter = _vendor(db, "casting"), _vendor(db, "setter")
    bench, stuller = _vendor(db, "bench"), _vendor(db, "stuller")
    own = [
        dict(style_no="HL-R101", name="Cathedral solitaire", category="Engagement ring",
             metal="14K White", retail="1295",
             bom=[{"kind": "material", "description": "14K white casting grain (g)",
                   "quantity": "3.2", "unit_cost": "62.50"},
                  {"kind": "material", "description": "4-prong head, 6.5 mm (Stuller)",
                   "quantity": "1", "unit_cost": "18.40"},
                  {"kind": "stone", "description": "1.3 mm round melee", "quantity": "6",
                   "unit_cost": "4.50"},
                  {"kind": "labor", "description": "Casting", "quantity": "1",
                   "unit_cost": "38.00", "vendor_id": caster},
                  {"kind": "labor", "description": "Set 6 melee", "quantity": "1",
                   "unit_cost": "45.00", "vendor_id": setter},
                  {"kind": "labor", "description": "Polish (hours)", "quantity": "0.5",
                   "unit_cost": "40.00", "vendor_id": bench}],
             stages=[{"name": "Casting", "vendor_id": caster, "cost": "38"},
                     "Cleanup", {"name": "Setting", "vendor_id": setter, "cost": "45"},
                     {"name": "Polish", "vendor_id": bench, "cost": "20"}]),
        dict(style_no="HL-E150", name="Bezel diamond studs", category="Earrings",
             metal="14K Yellow", retail="1150",
             bom=[{"kind": "material", "description": "14K yellow bezel cups, 4 mm (pair)",
                   "quantity": "1", "unit_cost": "46.00"},
                  {"kind": "material", "description": "Friction backs and posts (pair)",
                   "quantity": "1", "unit_cost": "6.80"},
                  {"kind": "stone", "description": "0.25 ct round, G/H SI1", "quantity": "2",
                   "unit_cost": "260.00"},
                  {"kind": "labor", "description": "Bezel setting", "quantity": "2",
                   "unit_cost": "18.00", "vendor_id": setter}],
             stages=["Assembly", {"name": "Setting", "vendor_id": setter}, "Polish"]),
        dict(style_no="HL-N170", name="Sapphire bar necklace", category="Necklace",
             metal="14K White", retail="895",
             bom=[{"kind": "material", "description": "14K white sheet and wire (g)",
                   "quantity": "2.6", "unit_cost": "62.50"},
                  {"kind": "material", "description": "14K white cable chain, 18 in",
                   "quantity": "1", "unit_cost": "64.00"},
                  {"kind": "stone", "description": "3 mm round blue sapphire",
                   "quantity": "5", "unit_cost": "9.50"},
                  {"kind": "labor", "description": "Fabrication (hours)", "quantity": "1.5",
                   "unit_cost": "55.00", "vendor_id": bench},
                  {"kind": "labor", "description": "Rhodium plating", "quantity": "1",
                   "unit_cost": "15.00", "vendor_id": _vendor(db, "plating")}],
             stages=["Fabrication", "Setting", "Plating", "Polish"]),
    ]
    theirs = [
        dict(style_no="STU-123908", name="4-prong peg head, 6.5 mm", category="Finding",
             metal="14K White", vendor_id=stuller,
             bom=[{"kind": "material", "description": "Catalog price", "quantity": "1",
                   "unit_cost": "18.40"}]),
        dict(style_no="STU-652270", name="Comfort-fit wedding band, 4 mm", category="Band",
             metal="14K Yellow", vendor_id=stuller, retail="589",
             bom=[{"kind": "material", "description": "Catalog price, size 7",
                   "quantity": "1", "unit_cost": "236.00"}]),
    ]
    taken = {s.style_no for s in styles.list_styles(db, "all", include_inactive=True)}
    return [styles.create_style(db, **style) for style in own + theirs
            if style["style_no"] not in taken]


def fill_inventory(db: Database) -> list[str]:
    lots = [inventory.receive_stones(db, **lot) for lot in LOTS]
    made_styles = _styles(db)
    items = [inventory.add_item(db, description=description, category=category, metal=metal,
                                cost=cost, retail=retail)
             for description, category, metal, cost, retail in ITEMS]
    by_style = {s.style_no: s for s in made_styles}
    if "HL-R101" in by_style:
        items.append(inventory.add_item(
            db, description="Cathedral solitaire setting, 14K white, size 6",
            category="Engagement ring", metal="14K White", cost="226.40",
            style_id=by_style["HL-R101"].id))
    # SetStones: the oval sapphire and a halo of 1.5 mm melee into the halo setting
    halo, sapphire, melee = items[0], lots[1], lots[3]
    inventory.set_stones(db, halo.id, sapphire.id, count=1)
    inventory.set_stones(db, halo.id, melee.id, count=18)
    inventory.update_item(db, halo.id, description="14K white gold sapphire halo ring, "
                          "0.71 ct oval center", category="Ring", retail="3850")
    inventory.update_item(db, items[7].id, status="memo_out",
                          notes="On memo to Seaside Bridal since the 3rd")
    inventory.write_off_stones(db, lots[2].id, count=3, reason="lost at the bench")
    return [f"{len(lots)} stone lots", f"{len(items)} items", f"{len(made_styles)} styles"]
