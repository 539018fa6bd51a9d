"""The demo's repairs and custom jobs cover every state, on both databases."""

from collections import Counter
from decimal import Decimal

from jewelbench.services import demo, inventory, job_lists, parties
from jewelbench.services.demo_repairs import fill_repairs_and_custom


def test_demo_has_repairs_and_custom_jobs_in_every_state(db):
    demo._fill_store_and_parties(db)
    assert fill_repairs_and_custom(db) == ["7 repairs", "6 custom jobs"]
    for module in ("repair", "custom"):
        states = Counter(r.status for r in job_lists.list_jobs(db, module=module))
        assert set(states) == {"open", "in_progress", "ready", "closed", "cancelled"}, module
    rolled = [r for r in job_lists.list_jobs(db, module="repair", statuses=("closed",))
              if r.stock_id]
    (entry,) = [e for e in inventory.item_cost_history(db, inventory.find_item(
        db, rolled[0].stock_id).id) if e.kind == "repair"]
    assert entry.amount == Decimal("45.00")       # 2 of 50 melee (15.00) + setting 30.00
    henry = parties.customer_history(db, parties.search_customers(db, "Henry")[0].id)
    assert henry.balance_owed > 0
    ann = parties.customer_history(db, parties.search_customers(db, "Ann Lee")[0].id)
    assert [p.kind for p in ann.payments].count("refund") == 1
