"""The refusals a service can give. The UI shows ``str(error)``; scripts catch the class."""


class JewelBenchError(Exception):
    """Base of every refusal JewelBench gives on purpose."""


class ValidationError(JewelBenchError):
    """Bad input. ``field`` names the offending input so the UI can point at it."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class NotFound(JewelBenchError):
    def __init__(self, what: str, key: object, field: str | None = None):
        self.what = what
        self.key = key
        self.field = field or f"{what}_id"
        super().__init__(f"{what} {key!r} not found")


class InsufficientStock(JewelBenchError):
    """Not enough stones in a lot (or the item is no longer available)."""


class InvalidState(JewelBenchError):
    """The record is in the wrong status for this action (already closed, not done, ...)."""


class PermissionDenied(JewelBenchError):
    """The shop profile or the user does not allow this action."""


class DatabaseUnavailable(JewelBenchError):
    """The database could not be reached or opened."""
