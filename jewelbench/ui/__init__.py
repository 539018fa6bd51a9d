"""PySide6 widgets, dialogs and item models. They call services; they hold no sessions."""
