"""initial schema

Revision ID: 0001
Revises:
Create Date: (regenerated from the models)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_record", ["table_name", "record_id"], unique=False)

    op.create_table(
        "counters",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("next_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counters")),
    )
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customers_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_customers_phone"), ["phone"], unique=False)

    op.create_table(
        "store_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("manufacturer", sa.Boolean(), nullable=False),
        sa.Column("tax_rate", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("markup", sa.BigInteger(), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_profile")),
    )
    op.create_table(
        "vendors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("in_house", sa.Boolean(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendors")),
    )
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vendors_name"), ["name"], unique=False)

    op.create_table(
        "stone_lots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lot_no", sa.String(length=20), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("stone_type", sa.String(length=40), nullable=True),
        sa.Column("shape", sa.String(length=40), nullable=True),
        sa.Column("size", sa.String(length=40), nullable=True),
        sa.Column("color", sa.String(length=20), nullable=True),
        sa.Column("clarity", sa.String(length=20), nullable=True),
        sa.Column("certificate", sa.String(length=60), nullable=True),
        sa.Column("pricing", sa.String(length=10), nullable=False),
        sa.Column("count_on_hand", sa.Integer(), nullable=False),
        sa.Column("carats_on_hand", sa.BigInteger(), nullable=False),
        sa.Column("cost_on_hand", sa.BigInteger(), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.CheckConstraint("carats_on_hand >= 0", name=op.f("ck_stone_lots_carats_on_hand")),
        sa.CheckConstraint("cost_on_hand >= 0", name=op.f("ck_stone_lots_cost_on_hand")),
        sa.CheckConstraint("count_on_hand >= 0", name=op.f("ck_stone_lots_count_on_hand")),
        sa.ForeignKeyConstraint(
            ["vendor_id"], ["vendors.id"], name=op.f("fk_stone_lots_vendor_id_vendors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stone_lots")),
        sa.UniqueConstraint("lot_no", name=op.f("uq_stone_lots_lot_no")),
    )
    with op.batch_alter_table("stone_lots", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stone_lots_certificate"), ["certificate"], unique=False
        )

    op.create_table(
        "styles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("style_no", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=60), nullable=True),
        sa.Column("metal", sa.String(length=60), nullable=True),
        sa.Column("image", sa.LargeBinary(), nullable=True),
        sa.Column("retail", sa.BigInteger(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["vendor_id"], ["vendors.id"], name=op.f("fk_styles_vendor_id_vendors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_styles")),
        sa.UniqueConstraint("style_no", name=op.f("uq_styles_style_no")),
    )
    with op.batch_alter_table("styles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_styles_vendor_id"), ["vendor_id"], unique=False)

    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stock_id", sa.String(length=20), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=True),
        sa.Column("metal", sa.String(length=60), nullable=True),
        sa.Column("style_id", sa.Integer(), nullable=True),
        sa.Column("cost_basis", sa.BigInteger(), nullable=False),
        sa.Column("retail", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("source_job_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.CheckConstraint(
            "status IN ('in_stock','on_job','sold','memo_out','scrapped')",
            name=op.f("ck_items_status"),
        ),
        sa.ForeignKeyConstraint(
            ["source_job_id"], ["jobs.id"], name=op.f("fk_items_source_job_id_jobs"), use_alter=True
        ),
        sa.ForeignKeyConstraint(["style_id"], ["styles.id"], name=op.f("fk_items_style_id_styles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
        sa.UniqueConstraint("stock_id", name=op.f("uq_items_stock_id")),
    )
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_items_source_job_id"), ["source_job_id"], unique=False)
        batch_op.create_index("ix_items_status_stock_id", ["status", "stock_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_items_style_id"), ["style_id"], unique=False)

    op.create_table(
        "style_bom_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("style_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("unit_cost", sa.BigInteger(), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["style_id"],
            ["styles.id"],
            name=op.f("fk_style_bom_lines_style_id_styles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"], ["vendors.id"], name=op.f("fk_style_bom_lines_vendor_id_vendors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_style_bom_lines")),
    )
    with op.batch_alter_table("style_bom_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_style_bom_lines_style_id"), ["style_id"], unique=False)

    op.create_table(
        "style_stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("style_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=True),
        sa.Column("cost", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["style_id"],
            ["styles.id"],
            name=op.f("fk_style_stages_style_id_styles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"], ["vendors.id"], name=op.f("fk_style_stages_vendor_id_vendors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_style_stages")),
    )
    with op.batch_alter_table("style_stages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_style_stages_style_id"), ["style_id"], unique=False)

    op.create_table(
        "item_stones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("carats", sa.BigInteger(), nullable=False),
        sa.Column("cost", sa.BigInteger(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("set_by", sa.String(length=80), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_item_stones_item_id_items")
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["stone_lots.id"], name=op.f("fk_item_stones_lot_id_stone_lots")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_stones")),
    )
    with op.batch_alter_table("item_stones", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_stones_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_stones_lot_id"), ["lot_id"], unique=False)

    op.create_table(
        "jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_no", sa.String(length=20), nullable=False),
        sa.Column("module", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("style_id", sa.Integer(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("estimate", sa.BigInteger(), nullable=True),
        sa.Column("price", sa.BigInteger(), nullable=True),
        sa.Column("rush", sa.Boolean(), nullable=False),
        sa.Column("piece_type", sa.String(length=60), nullable=True),
        sa.Column("metal", sa.String(length=60), nullable=True),
        sa.Column("size", sa.String(length=20), nullable=True),
        sa.Column("condition", sa.Text(), nullable=True),
        sa.Column("work_requested", sa.Text(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=80), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.CheckConstraint(
            "module IN ('repair','custom','production')", name=op.f("ck_jobs_module")
        ),
        sa.CheckConstraint(
            "status IN ('open','in_progress','ready','closed','cancelled')",
            name=op.f("ck_jobs_status"),
        ),
        sa.CheckConstraint("quantity >= 1", name=op.f("ck_jobs_quantity")),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_jobs_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_jobs_item_id_items")),
        sa.ForeignKeyConstraint(["style_id"], ["styles.id"], name=op.f("fk_jobs_style_id_styles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
        sa.UniqueConstraint("job_no", name=op.f("uq_jobs_job_no")),
    )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_jobs_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_jobs_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_jobs_module"), ["module"], unique=False)
        batch_op.create_index("ix_jobs_status_due", ["status", "due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_jobs_style_id"), ["style_id"], unique=False)

    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_no", sa.String(length=20), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("subtotal", sa.BigInteger(), nullable=False),
        sa.Column("tax_rate", sa.BigInteger(), nullable=False),
        sa.Column("tax", sa.BigInteger(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_invoices_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_invoices_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoices")),
        sa.UniqueConstraint("invoice_no", name=op.f("uq_invoices_invoice_no")),
        sa.UniqueConstraint("job_id", name=op.f("uq_invoices_job_id")),
    )
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoices_customer_id"), ["customer_id"], unique=False)

    op.create_table(
        "item_cost_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_item_cost_entries_item_id_items")
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_item_cost_entries_job_id_jobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_cost_entries")),
    )
    with op.batch_alter_table("item_cost_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_cost_entries_item_id"), ["item_id"], unique=False)

    op.create_table(
        "job_materials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("unit_cost", sa.BigInteger(), nullable=False),
        sa.Column("cost", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_job_materials_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_materials")),
    )
    with op.batch_alter_table("job_materials", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_materials_job_id"), ["job_id"], unique=False)

    op.create_table(
        "job_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("mime_type", sa.String(length=60), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_job_photos_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_photos")),
    )
    with op.batch_alter_table("job_photos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_photos_job_id"), ["job_id"], unique=False)

    op.create_table(
        "job_stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=True),
        sa.Column("cost", sa.BigInteger(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.String(length=80), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending','in_progress','done')", name=op.f("ck_job_stages_status")
        ),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_job_stages_job_id_jobs")),
        sa.ForeignKeyConstraint(
            ["vendor_id"], ["vendors.id"], name=op.f("fk_job_stages_vendor_id_vendors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_stages")),
    )
    with op.batch_alter_table("job_stages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_stages_job_id"), ["job_id"], unique=False)

    op.create_table(
        "job_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("old_status", sa.String(length=12), nullable=True),
        sa.Column("new_status", sa.String(length=12), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_job_status_changes_job_id_jobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_status_changes")),
    )
    with op.batch_alter_table("job_status_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_status_changes_job_id"), ["job_id"], unique=False)

    op.create_table(
        "job_stone_needs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("estimate", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_job_stone_needs_job_id_jobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_stone_needs")),
    )
    with op.batch_alter_table("job_stone_needs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_stone_needs_job_id"), ["job_id"], unique=False)

    op.create_table(
        "stone_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("carats", sa.BigInteger(), nullable=False),
        sa.Column("cost", sa.BigInteger(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_stone_movements_item_id_items")
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_stone_movements_job_id_jobs")
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["stone_lots.id"], name=op.f("fk_stone_movements_lot_id_stone_lots")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stone_movements")),
    )
    with op.batch_alter_table("stone_movements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stone_movements_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stone_movements_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stone_movements_lot_id"), ["lot_id"], unique=False)

    op.create_table(
        "invoice_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("taxable", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_invoice_lines_invoice_id_invoices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_lines")),
    )
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_invoice_lines_invoice_id"), ["invoice_id"], unique=False
        )

    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receipt_no", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_payments_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_payments_invoice_id_invoices")
        ),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_payments_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_payments_receipt_no")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payments_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payments_invoice_id"), ["invoice_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payments_job_id"), ["job_id"], unique=False)

    op.create_table(
        "stone_allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("carats", sa.BigInteger(), nullable=False),
        sa.Column("cost", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.CheckConstraint("count >= 0", name=op.f("ck_stone_allocations_count")),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_stone_allocations_job_id_jobs")
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["stone_lots.id"], name=op.f("fk_stone_allocations_lot_id_stone_lots")
        ),
        sa.ForeignKeyConstraint(
            ["need_id"],
            ["job_stone_needs.id"],
            name=op.f("fk_stone_allocations_need_id_job_stone_needs"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stone_allocations")),
    )
    with op.batch_alter_table("stone_allocations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stone_allocations_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stone_allocations_lot_id"), ["lot_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("stone_allocations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stone_allocations_lot_id"))
        batch_op.drop_index(batch_op.f("ix_stone_allocations_job_id"))

    op.drop_table("stone_allocations")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_job_id"))
        batch_op.drop_index(batch_op.f("ix_payments_invoice_id"))
        batch_op.drop_index(batch_op.f("ix_payments_customer_id"))

    op.drop_table("payments")
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_lines_invoice_id"))

    op.drop_table("invoice_lines")
    with op.batch_alter_table("stone_movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stone_movements_lot_id"))
        batch_op.drop_index(batch_op.f("ix_stone_movements_job_id"))
        batch_op.drop_index(batch_op.f("ix_stone_movements_item_id"))

    op.drop_table("stone_movements")
    with op.batch_alter_table("job_stone_needs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_stone_needs_job_id"))

    op.drop_table("job_stone_needs")
    with op.batch_alter_table("job_status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_status_changes_job_id"))

    op.drop_table("job_status_changes")
    with op.batch_alter_table("job_stages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_stages_job_id"))

    op.drop_table("job_stages")
    with op.batch_alter_table("job_photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_photos_job_id"))

    op.drop_table("job_photos")
    with op.batch_alter_table("job_materials", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_materials_job_id"))

    op.drop_table("job_materials")
    with op.batch_alter_table("item_cost_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_cost_entries_item_id"))

    op.drop_table("item_cost_entries")
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoices_customer_id"))

    op.drop_table("invoices")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_jobs_style_id"))
        batch_op.drop_index("ix_jobs_status_due")
        batch_op.drop_index(batch_op.f("ix_jobs_module"))
        batch_op.drop_index(batch_op.f("ix_jobs_item_id"))
        batch_op.drop_index(batch_op.f("ix_jobs_customer_id"))

    op.drop_table("jobs")
    with op.batch_alter_table("item_stones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_stones_lot_id"))
        batch_op.drop_index(batch_op.f("ix_item_stones_item_id"))

    op.drop_table("item_stones")
    with op.batch_alter_table("style_stages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_style_stages_style_id"))

    op.drop_table("style_stages")
    with op.batch_alter_table("style_bom_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_style_bom_lines_style_id"))

    op.drop_table("style_bom_lines")
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_items_style_id"))
        batch_op.drop_index("ix_items_status_stock_id")
        batch_op.drop_index(batch_op.f("ix_items_source_job_id"))

    op.drop_table("items")
    with op.batch_alter_table("styles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_styles_vendor_id"))

    op.drop_table("styles")
    with op.batch_alter_table("stone_lots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stone_lots_certificate"))

    op.drop_table("stone_lots")
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendors_name"))

    op.drop_table("vendors")
    op.drop_table("store_profile")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customers_phone"))
        batch_op.drop_index(batch_op.f("ix_customers_name"))

    op.drop_table("customers")
    op.drop_table("counters")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_record")

    op.drop_table("audit_log")
