"""A small realistic shop for trying JewelBench out (``jewelbench demo``).

Each module adds its part in its own ``_fill_*`` function; all of it goes through the services,
so the demo is also a smoke test of them.
"""

from __future__ import annotations

from jewelbench.db import Database
from jewelbench.errors import InvalidState
from jewelbench.services import parties, settings


def _fill_store_and_parties(db: Database) -> list[str]:
    settings.set_store(db, name="Harbor Lane Jewelers", manufacturer=True, tax_rate="8.25",
                       currency="USD", markup="2.2", phone="(555) 201-4400",
                       address="14 Harbor Lane, Portsmouth")
    vendors = [("Maria Alvarez (bench)", True), ("Tom Becker (setter)", True),
               ("Quality Casting Co.", False), ("Stuller", False), ("Rio Plating", False)]
    for name, in_house in vendors:
        parties.add_vendor(db, name=name, in_house=in_house)
    customers = [("Ann Lee", "(555) 123-4567", "ann.lee@example.com"),
                 ("Robert Okafor", "(555) 310-2211", None),
                 ("Priya Raman", "(555) 877-0042", "priya@example.com"),
                 ("Giulia Conti", "(555) 645-9120", None),
                 ("Henry Walsh", "(555) 233-7781", "hwalsh@example.com")]
    for name, phone, email in customers:
        parties.add_customer(db, name=name, phone=phone, email=email)
    return [f"{len(vendors)} vendors", f"{len(customers)} customers"]


def _fill_repairs_and_custom(db: Database) -> list[str]:
    from jewelbench.services.demo_repairs import fill_repairs_and_custom

    return fill_repairs_and_custom(db)


FILLERS = [_fill_store_and_parties]
FILLERS.append(_fill_repairs_and_custom)


def _fill_inventory(db: Database) -> list[str]:
    from jewelbench.services.demo_inventory import fill_inventory

    return fill_inventory(db)


FILLERS.append(_fill_inventory)


# last: production runs are made from the designs and melee the inventory part adds
def _fill_production(db: Database) -> list[str]:
    from jewelbench.services.demo_production import fill_production

    return fill_production(db)


FILLERS.append(_fill_production)


def fill(db: Database, *, force: bool = False) -> str:
    if parties.search_customers(db, limit=1) and not force:
        raise InvalidState("This database already has data; use --force to add the demo anyway")
    made: list[str] = []
    for filler in FILLERS:
        made += filler(db)
    return f"Demo shop ready in {db.describe()}: " + ", ".join(made)
