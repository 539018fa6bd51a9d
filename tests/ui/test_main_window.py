import os

from PySide6.QtCore import QSettings

from jewelbench.services import settings
from jewelbench.ui.main_window import MainWindow


def test_main_window_shows_the_five_tabs(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Repairs", "Custom Jobs", "Production", "Inventory", "Styles"]
    assert "SQLite file" in window.database_label.text()
    assert "tester" in window.user_label.text()
    if os.environ.get("JEWELBENCH_SHOTS"):
        window.grab().save(os.path.join(os.environ["JEWELBENCH_SHOTS"], "main_window.png"))


def test_title_follows_the_store_name(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    settings.set_store(ctx.db, name="Harbor Lane Jewelers")
    ctx.changed.emit("settings")
    assert window.windowTitle().startswith("Harbor Lane Jewelers")


def test_window_size_is_remembered(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(700, 520)
    window.close()
    assert QSettings().value("main_window/geometry") is not None
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.size().width() == 700


def test_settings_dialog_saves_the_store_profile(qtbot, ctx):
    from jewelbench.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("Gold & Co")
    dialog.tax_rate.setText("7.5")
    dialog.manufacturer.setChecked(True)
    dialog._save()
    store = settings.get_store(ctx.db)
    assert (store.name, str(store.tax_rate), store.manufacturer) == ("Gold & Co", "7.5000", True)
