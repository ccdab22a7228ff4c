"""Names and descriptions for screen readers where Qt cannot find them by itself.

Qt names a field after its form label only when the label's buddy is the field itself;
our forms put a Field (a line edit with its problem under it) in the row, so the line
edit would be read as just "edit". ``name_form`` gives each such field its row's label.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


def describe(widget: QWidget, name: str, description: str = "") -> None:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)


def label_text(label: QLabel) -> str:
    """A form label as spoken: no mnemonic ampersand, no trailing colon."""
    return label.text().replace("&&", "\0").replace("&", "").replace("\0", "&") \
        .strip().rstrip(":").strip()


def name_form(form: QFormLayout) -> None:
    """Each field named after its row's label (unless named already); the label's
    mnemonic focuses the field."""
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label = label_item.widget() if label_item is not None else None
        field = field_item.widget() if field_item is not None else None
        if not isinstance(label, QLabel) or field is None or not label.text().strip():
            continue
        target = getattr(field, "edit", field)  # a Field: its line edit
        if isinstance(target, QWidget) and not target.accessibleName():
            target.setAccessibleName(label_text(label))
            label.setBuddy(target)
