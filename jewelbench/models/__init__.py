"""Mapped classes, one module per area. Importing this package registers them all."""

from jewelbench.models import audit, inventory, jobs, parties, sales, settings, styles
from jewelbench.models.base import Base

metadata = Base.metadata

__all__ = ["Base", "metadata", "audit", "inventory", "jobs", "parties", "sales", "settings",
           "styles"]
