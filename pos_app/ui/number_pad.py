"""An on-screen number pad for a touch till: quantity, cash tendered, a PIN.

Its keys never take the focus: each press is typed into the target field as a key press, so the
field behaves exactly as it does with a keyboard (its validator, its Enter). The target is the
widget given, or, when none is, whatever has the focus in the pad's window.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

BACKSPACE, CLEAR, ENTER = "⌫", "C", "Enter"
_KEYS = {BACKSPACE: Qt.Key.Key_Backspace, ENTER: Qt.Key.Key_Return}
_NAMES = {  # spoken names of the keys, translated where used (context "NumberPad")
    BACKSPACE: QT_TRANSLATE_NOOP("NumberPad", "delete last"),
    CLEAR: QT_TRANSLATE_NOOP("NumberPad", "clear"),
    ENTER: QT_TRANSLATE_NOOP("NumberPad", "enter"),
    ".": QT_TRANSLATE_NOOP("NumberPad", "decimal point"),
    "%": QT_TRANSLATE_NOOP("NumberPad", "percent"),
}


class NumberPad(QWidget):
    """Digits 0-9, then `extra` keys (e.g. '.', '00', '%'), backspace, clear and Enter."""

    pressed = Signal(str)  # the key's text, after it was typed into the target

    def __init__(
        self,
        target: QWidget | None = None,
        *,
        extra: tuple[str, ...] = (".", "00"),
        enter: str = ENTER,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("numberPad")
        self.setAccessibleName(self.tr("Number pad"))
        self.target = target
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        rows = ("789", "456", "123")
        for r, digits in enumerate(rows):
            for c, digit in enumerate(digits):
                grid.addWidget(self._key(digit), r, c)
        extra = extra[:2]
        grid.addWidget(self._key("0"), 3, 0, 1, 3 - len(extra))  # a wide 0 when there is room
        for c, text in enumerate(extra, start=3 - len(extra)):
            grid.addWidget(self._key(text), 3, c)
        grid.addWidget(self._key(BACKSPACE), 0, 3)
        grid.addWidget(self._key(CLEAR), 1, 3)
        enter_key = self._key(ENTER, enter)
        enter_key.setProperty("role", "go")
        grid.addWidget(enter_key, 2, 3, 2, 1)

    def set_target(self, target: QWidget | None) -> None:
        self.target = target

    def press(self, text: str) -> None:
        """Type one key into the target, as the keyboard would."""
        target = self.target or QApplication.focusWidget()
        if target is None or (self.target is None and target.window() is not self.window()):
            return
        if text == CLEAR:
            if isinstance(target, QLineEdit):
                target.clear()
        elif text in _KEYS:
            _type(target, _KEYS[text], "")
        else:
            for char in text:  # '00' is two presses of 0
                _type(target, Qt.Key(ord(char.upper())), char)  # Qt's codes for ASCII are the characters'
        self.pressed.emit(text)

    def _key(self, text: str, label: str = "") -> QPushButton:
        button = QPushButton(label or text)
        button.setObjectName("padKey")
        name = QCoreApplication.translate("NumberPad", str(_NAMES[text])) if text in _NAMES else text
        button.setAccessibleName(self.tr("Number pad {key}").format(key=name))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field being typed into keeps it
        button.setAutoDefault(False)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.clicked.connect(lambda _=False, t=text: self.press(t))
        self.buttons[text] = button
        return button


def _type(target: QWidget, key: Qt.Key, text: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
