"""Store profile and which database this workstation uses."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jewelbench import config
from jewelbench.db import open_database, server_parts, server_url
from jewelbench.errors import JewelBenchError
from jewelbench.paths import default_database_path
from jewelbench.services import settings
from jewelbench.ui.context import AppContext


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Settings")
        self.setMinimumWidth(520)
        tabs = QTabWidget()
        tabs.addTab(self._store_page(), "Store")
        tabs.addTab(self._database_page(), "Database")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self._load_store()

    # -- store profile
    def _store_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.name = QLineEdit()
        self.manufacturer = QCheckBox("We manufacture our own designs (style-driven production)")
        self.tax_rate = QLineEdit()
        self.tax_rate.setPlaceholderText("e.g. 8.875")
        self.currency = QLineEdit()
        self.currency.setMaxLength(3)
        self.markup = QLineEdit()
        self.markup.setPlaceholderText("retail = cost × markup, e.g. 2.2")
        self.address = QLineEdit()
        self.phone = QLineEdit()
        form.addRow("Store name", self.name)
        form.addRow("", self.manufacturer)
        form.addRow("Sales tax %", self.tax_rate)
        form.addRow("Currency", self.currency)
        form.addRow("Default markup", self.markup)
        form.addRow("Address", self.address)
        form.addRow("Phone", self.phone)
        return page

    def _load_store(self) -> None:
        store = settings.get_store(self.ctx.db)
        self.name.setText(store.name)
        self.manufacturer.setChecked(store.manufacturer)
        self.tax_rate.setText(f"{store.tax_rate.normalize():f}")
        self.currency.setText(store.currency)
        self.markup.setText(f"{store.markup.normalize():f}")
        self.address.setText(store.address or "")
        self.phone.setText(store.phone or "")

    # -- database
    def _database_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.use_local = QRadioButton("This computer only (built-in database file, no set-up)")
        self.use_server = QRadioButton("Shared PostgreSQL server (several workstations)")
        layout.addWidget(self.use_local)
        layout.addWidget(QLabel(f"<small>File: {default_database_path()}</small>"))
        layout.addWidget(self.use_server)
        box = QGroupBox("Server")
        form = QFormLayout(box)
        self.host = QLineEdit("localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("jewelbench")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Host", self.host)
        form.addRow("Port", self.port)
        form.addRow("Database", self.database)
        form.addRow("User", self.user)
        form.addRow("Password", self.password)
        row = QHBoxLayout()
        self.test_button = QPushButton("Test connection")
        self.test_button.clicked.connect(self._test_connection)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        row.addWidget(self.test_button)
        row.addWidget(self.test_result, 1)
        form.addRow(row)
        layout.addWidget(box)
        layout.addWidget(QLabel("<small>A change of database takes effect when JewelBench "
                                "is started again.</small>"))
        layout.addStretch(1)
        self.use_server.toggled.connect(box.setEnabled)
        saved = config.saved_database_url()
        if saved and saved.startswith("postgresql"):
            self.use_server.setChecked(True)
            self._fill_server(saved)
        else:
            self.use_local.setChecked(True)
            box.setEnabled(False)
        return page

    def _fill_server(self, url_text: str) -> None:
        parts = server_parts(url_text)
        self.host.setText(parts["host"])
        self.port.setValue(parts["port"])
        self.database.setText(parts["database"])
        self.user.setText(parts["user"])
        self.password.setText(parts["password"])

    def server_url(self) -> str:
        return server_url(host=self.host.text().strip(), port=self.port.value(),
                          database=self.database.text().strip(), user=self.user.text().strip(),
                          password=self.password.text())

    def _test_connection(self) -> None:
        url = self.server_url()
        self.test_button.setEnabled(False)
        self.test_result.setText("Connecting…")

        def probe():
            open_database(url, migrate=False).close()
            return True

        def ok(_):
            self.test_button.setEnabled(True)
            self.test_result.setText("<span style='color:#1b7f3b'>Connected.</span>")

        def failed(exc):
            self.test_button.setEnabled(True)
            self.test_result.setText(f"<span style='color:#b00020'>{exc}</span>")

        self.ctx.run(probe, on_success=ok, on_failure=failed)

    def _save(self) -> None:
        try:
            settings.set_store(
                self.ctx.db, name=self.name.text(), manufacturer=self.manufacturer.isChecked(),
                tax_rate=self.tax_rate.text(), currency=self.currency.text(),
                markup=self.markup.text(), address=self.address.text(), phone=self.phone.text())
        except JewelBenchError as exc:
            QMessageBox.warning(self, "Settings", str(exc))
            return
        config.save_database_url(self.server_url() if self.use_server.isChecked() else None)
        self.ctx.changed.emit("settings")
        self.accept()
