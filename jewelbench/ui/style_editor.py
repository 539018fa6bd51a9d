"""Creating or editing a style: its details, picture, bill of materials and stage template."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import parties, styles
from jewelbench.services.styles import StyleView
from jewelbench.ui.bom_table import BomEditor, StagesEditor
from jewelbench.ui.context import AppContext
from jewelbench.ui.guard import while_alive
from jewelbench.ui.inventory_columns import BAD, MUTED
from jewelbench.ui.item_dialogs import CATEGORIES, METALS, editable_choices

_OUTLINE = "border: 1px solid #c62828; border-radius: 3px;"
_LINE_FIELD = re.compile(r"^(bom|stages)\[(\d+)\](?:\.(\w+))?$")
_PART_WORDS = {"kind": "kind", "description": "description", "quantity": "quantity",
               "unit_cost": "unit cost", "vendor_id": "vendor", "name": "name", "cost": "cost"}
THUMB = 160


class StyleEditor(QDialog):
    """``style_id`` None makes a new style; saving is one service call, refused whole or done."""

    def __init__(self, ctx: AppContext, style_id: int | None = None,
                 parent: QWidget | None = None, *, vendor_style: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self.style_id = style_id
        self.image: bytes | None = None
        self.image_changed = False
        self.saved: StyleView | None = None
        self.setWindowTitle("New style" if style_id is None else "Style")
        self.resize(1000, 700)
        vendors = parties.list_vendors(ctx.db)

        self.style_no = QLineEdit()
        self.style_no.setPlaceholderText("e.g. HL-R101")
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Cathedral solitaire")
        self.vendor = QComboBox()
        self.vendor.addItem("— our own design —", None)
        for vendor in vendors:
            if not vendor.in_house:
                self.vendor.addItem(vendor.name, vendor.id)
        if vendor_style and self.vendor.count() > 1:
            self.vendor.setCurrentIndex(1)
        self.category = editable_choices(CATEGORIES, "Ring, pendant…")
        self.metal = editable_choices(METALS, "14K White…")
        self.retail = QLineEdit()
        self.retail.setPlaceholderText("suggested retail, optional")
        self.notes = QLineEdit()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget in (("Style #", self.style_no), ("Name", self.name),
                              ("Vendor", self.vendor), ("Category", self.category),
                              ("Metal", self.metal), ("Retail", self.retail),
                              ("Notes", self.notes)):
            form.addRow(label, widget)
        self.fields = {"style_no": self.style_no, "name": self.name, "vendor_id": self.vendor,
                       "category": self.category, "metal": self.metal,
                       "retail": self.retail, "notes": self.notes}

        self.picture = QLabel("No picture")
        self.picture.setFixedSize(THUMB, THUMB)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet(f"border: 1px solid #ccc; color: {MUTED}; "
                                   "background: white;")
        self.choose_picture = QPushButton("Choose picture…")
        self.remove_picture = QPushButton("Remove picture")
        self.choose_picture.clicked.connect(self.pick_image)
        self.remove_picture.clicked.connect(lambda: self.set_image(None))
        picture_box = QVBoxLayout()
        picture_box.addWidget(self.picture)
        picture_box.addWidget(self.choose_picture)
        picture_box.addWidget(self.remove_picture)
        picture_box.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addSpacing(16)
        top.addLayout(picture_box)

        self.bom = BomEditor(vendors, self)
        self.stages = StagesEditor(vendors, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.bom, "Bill of materials (per piece)")
        self.tabs.addTab(self.stages, "Stages")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {BAD};")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if style_id is None:
            self.set_image(None)
        else:
            self._load(style_id)

    # -- loading
    def _load(self, style_id: int) -> None:
        db = self.ctx.db
        self.save_button.setEnabled(False)
        self.ctx.run(lambda: (styles.get_style(db, style_id),
                              styles.get_style_image(db, style_id)),
                     on_success=while_alive(self, lambda got: self.show_style(*got)),
                     on_failure=while_alive(self, self.show_error))

    def show_style(self, style: StyleView, image: bytes | None) -> None:
        self.setWindowTitle(f"Style {style.style_no} — {style.name}")
        self.style_no.setText(style.style_no)
        self.name.setText(style.name)
        index = self.vendor.findData(style.vendor_id) if style.vendor_id else 0
        if index < 0:  # an in-house vendor named on an older style
            self.vendor.addItem(style.vendor_name or "?", style.vendor_id)
            index = self.vendor.count() - 1
        self.vendor.setCurrentIndex(index)
        self.category.setCurrentText(style.category or "")
        self.metal.setCurrentText(style.metal or "")
        self.retail.setText(f"{style.retail:.2f}" if style.retail is not None else "")
        self.notes.setText(style.notes or "")
        for line in style.bom:
            self.bom.add_line(line)
        for stage in style.stages:
            self.stages.add_stage(stage)
        self.set_image(image)
        self.image_changed = False
        self.save_button.setEnabled(True)

    # -- picture
    def pick_image(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Choose a picture", "",
                                              "Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)")
        if name:
            try:
                self.set_image(Path(name).read_bytes())
            except OSError as exc:
                self.error.setText(f"Cannot read {name}: {exc.strerror}")

    def set_image(self, data: bytes | None) -> None:
        self.image = data or None
        self.image_changed = True
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.picture.setPixmap(pixmap.scaled(
                THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.picture.setPixmap(QPixmap())
            self.picture.setText("No picture")
        self.remove_picture.setEnabled(self.image is not None)

    # -- saving
    def save(self) -> None:
        self._clear_marks()
        args = dict(style_no=self.style_no.text(), name=self.name.text(),
                    vendor_id=self.vendor.currentData(), category=self.category.currentText(),
                    metal=self.metal.currentText(), retail=self.retail.text() or None,
                    notes=self.notes.text(), bom=self.bom.lines(),
                    stages=self.stages.stages())
        if self.image_changed:
            args["image"] = self.image
        db, style_id = self.ctx.db, self.style_id
        if style_id is None:
            def call():
                return styles.create_style(db, **args)
        else:
            def call():
                return styles.update_style(db, style_id, **args)
        self.save_button.setEnabled(False)
        self.ctx.run(call, on_success=while_alive(self, self._saved),
                     on_failure=while_alive(self, self.show_error), changes="styles")

    def _saved(self, style: StyleView) -> None:
        self.saved = style
        self.save_button.setEnabled(True)
        self.accept()

    def _clear_marks(self) -> None:
        self.error.setText("")
        for widget in self.fields.values():
            widget.setStyleSheet("")
        self.bom.mark(None)
        self.stages.mark(None)

    def show_error(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        field = getattr(exc, "field", None) or ""
        message = getattr(exc, "message", None) or str(exc)
        line = _LINE_FIELD.match(field)
        if line:
            table, index, part = line.group(1), int(line.group(2)), line.group(3)
            editor = self.bom if table == "bom" else self.stages
            self.tabs.setCurrentWidget(editor)
            editor.mark(index)
            what = "BOM line" if table == "bom" else "Stage"
            name = f"{what} {index + 1} {_PART_WORDS.get(part, part or '')}".strip()
            self.error.setText(f"{name}: {message}")
        elif field in self.fields:
            widget = self.fields[field]
            widget.setStyleSheet(_OUTLINE)
            widget.setFocus()
            label = {"style_no": "Style #", "vendor_id": "Vendor"}.get(
                field, field.replace("_", " ").capitalize())
            self.error.setText(f"{label}: {message}")
        else:
            self.error.setText(str(exc))
