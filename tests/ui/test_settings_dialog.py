from sqlalchemy.engine import make_url

from jewelbench import config
from jewelbench.ui.settings_dialog import SettingsDialog


def _point_at(dialog, url_text):
    url = make_url(url_text)
    dialog.use_server.setChecked(True)
    dialog.host.setText(url.host)
    dialog.port.setValue(url.port)
    dialog.database.setText(url.database)
    dialog.user.setText(url.username)


def test_test_connection_reaches_a_real_server(qtbot, ctx, pg_cluster):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    _point_at(dialog, pg_cluster.url("postgres"))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "Connected" in dialog.test_result.text(), timeout=15_000)


def test_test_connection_explains_a_failure(qtbot, ctx):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    _point_at(dialog, "postgresql+psycopg://nobody@127.0.0.1:1/none")
    dialog._test_connection()
    qtbot.waitUntil(lambda: "Cannot open" in dialog.test_result.text(), timeout=15_000)
    assert dialog.test_button.isEnabled()


def test_saving_a_server_choice_is_remembered_for_next_start(qtbot, ctx):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    _point_at(dialog, "postgresql+psycopg://shop@server.local:5433/jewelbench")
    dialog._save()
    assert config.saved_database_url().startswith("postgresql+psycopg://shop@server.local:5433")
    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.use_server.isChecked() and again.port.value() == 5433
