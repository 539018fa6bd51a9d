"""How autogenerate writes and compares the schema; shared by env.py and the tests."""

from __future__ import annotations

from jewelbench.models.base import UTCDateTime, _Scaled


def render_item(type_, obj, autogen_context):
    """Write plain column types into revisions, so old revisions never import model code."""
    if type_ == "type" and isinstance(obj, _Scaled):
        return "sa.BigInteger()"
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def include_object(obj, name, type_, reflected, compare_to):
    # search indexes made by hand in revisions (FTS5 tables and their shadows, trigram indexes)
    if type_ == "table" and name and name.startswith("search_"):
        return False
    return not (type_ == "index" and name and name.startswith("ix_search_"))
