"""What a screen reader would miss in a page or dialog, read from Qt's accessibility
tree (``QAccessible``, the tree Qt hands to AT-SPI, UI Automation and VoiceOver): a
control it would announce without a name ("button"), and a widget that takes the
keyboard's focus but says nothing of what it is (no role).

Runnable on its own for a report of the whole window and its dialogs:

    python -m tests.ui.accessibility_check
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget

Role = QAccessible.Role

CONTROLS = frozenset(
    {
        Role.PushButton,
        Role.CheckBox,
        Role.RadioButton,
        Role.ComboBox,
        Role.EditableText,
        Role.SpinBox,
        Role.Slider,
        Role.Dial,
        Role.ButtonMenu,
        Role.ButtonDropDown,
        Role.ButtonDropGrid,
        Role.PageTab,
        Role.List,
        Role.Table,
        Role.Tree,
        Role.ProgressBar,
    }
)
"""Roles a user operates or reads a value from: each needs a name to be told apart."""
NO_ROLE = frozenset({Role.NoRole, Role.Client})
"""What a widget that is nothing in particular says it is (a picture canvas, say: it
must then at least say what it shows)."""
QT_PARTS = frozenset({"qt_spinbox_lineedit"})
"""Qt's own inner parts of a control, read through the control itself."""


def shown_widgets(root: QWidget) -> Iterator[QWidget]:
    yield root
    for widget in root.findChildren(QWidget):
        if widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0:
            yield widget


def name_of(interface: QAccessibleInterface) -> str:
    return interface.text(QAccessible.Text.Name).strip()


def describe(widget: QWidget, interface: QAccessibleInterface) -> str:
    parents = []
    parent = widget.parentWidget()
    while parent is not None and len(parents) < 3:
        parents.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    where = " in " + " < ".join(parents) if parents else ""
    what = widget.objectName() or type(widget).__name__
    return f"{interface.role().name} {what}{where}"


def problems(root: QWidget) -> list[str]:
    """Every control in ``root`` a screen reader could not name, and every widget that
    takes focus without a role, as lines."""
    found = []
    for widget in shown_widgets(root):
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or not interface.isValid():
            found.append(f"{type(widget).__name__} {widget.objectName()}: not in the tree")
            continue
        role = interface.role()
        if role in CONTROLS and not name_of(interface):
            found.append(f"{describe(widget, interface)}: no name")
        elif role in NO_ROLE and _takes_focus(widget) and not name_of(interface):
            found.append(f"{describe(widget, interface)}: takes focus, says neither role nor name")
    return found


def _takes_focus(widget: QWidget) -> bool:
    if widget.objectName() in QT_PARTS:
        return False
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def spoken(root: QWidget) -> list[str]:
    """What a screen reader says of each control in ``root``: its role and name (and
    value), in the order of the tree."""
    lines = []
    for widget in shown_widgets(root):
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or interface.role() not in CONTROLS:
            continue
        value = interface.text(QAccessible.Text.Value)
        lines.append(
            f"{name_of(interface) or '(no name)'}, {interface.role().name}"
            + (f", {value}" if value else "")
        )
    return lines
