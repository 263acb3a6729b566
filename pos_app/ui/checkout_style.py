"""The till screens' look: large type and touch-sized controls, scoped to the checkout dialogs
so the application's own stylesheet still governs everything else."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

ACCENT = "#2563eb"
GO = "#16a34a"

TILL_QSS = f"""
QDialog {{ background: #eef1f6; }}
QWidget {{ font-size: 15px; color: #0f172a; }}
QFrame[card="true"] {{ background: #ffffff; border: 1px solid #dbe1ea; border-radius: 12px; }}
QLineEdit {{
    background: #ffffff; border: 1px solid #c5cedb; border-radius: 8px; padding: 8px 10px;
    min-height: 26px; selection-background-color: {ACCENT};
}}
QLineEdit:focus {{ border: 2px solid {ACCENT}; }}
QLineEdit#scan {{ font-size: 22px; padding: 10px 14px; min-height: 34px; }}
QComboBox {{
    background: #ffffff; border: 1px solid #c5cedb; border-radius: 8px; padding: 8px 10px;
    min-height: 26px;
}}
QPushButton[role="segment"] {{ border-radius: 0; font-weight: 500; min-height: 40px; }}
QPushButton[role="segment"]:checked {{
    background: #dbeafe; color: #1e40af; border: 1px solid {ACCENT}; font-weight: 700;
}}
QPushButton {{
    background: #ffffff; border: 1px solid #c5cedb; border-radius: 10px; padding: 6px 14px;
    min-height: 44px; font-weight: 600;
}}
QPushButton:hover {{ background: #f1f5fb; }}
QPushButton:pressed {{ background: #dde6f3; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:disabled {{ color: #94a3b8; background: #f4f6f9; }}
QPushButton[role="go"] {{
    background: {GO}; color: #ffffff; border: none; font-size: 24px; min-height: 76px;
}}
QPushButton[role="go"]:hover {{ background: #15803d; }}
QPushButton[role="go"]:disabled {{ background: #86efac; }}
QPushButton[role="go"]:focus {{ border: 3px solid #0f5132; }}
QPushButton[role="quick"] {{ font-size: 19px; min-height: 60px; padding: 6px 8px; }}
QPushButton[role="danger"] {{ color: #b91c1c; }}
QTableView, QListWidget, QTableWidget {{
    background: #ffffff; border: 1px solid #dbe1ea; border-radius: 10px; font-size: 17px;
    gridline-color: #eef1f6; selection-background-color: #dbeafe; selection-color: #0f172a;
    alternate-background-color: #f8fafc;
}}
QHeaderView::section {{
    background: #f8fafc; border: none; border-bottom: 1px solid #dbe1ea; padding: 8px;
    font-size: 13px; font-weight: 700; color: #475569;
}}
QLabel[muted="true"] {{ color: #64748b; }}
QLabel[heading="true"] {{ font-size: 13px; font-weight: 700; color: #64748b; }}
QLabel[amount="true"] {{ font-size: 18px; }}
QLabel#totalValue {{ font-size: 46px; font-weight: 800; color: #0f172a; }}
QLabel#dueValue {{ font-size: 40px; font-weight: 800; color: {ACCENT}; }}
QLabel#changeValue {{ font-size: 40px; font-weight: 800; color: {GO}; }}
QLabel[message="error"] {{
    color: #991b1b; background: #fee2e2; border: 1px solid #fecaca; border-radius: 8px;
    padding: 8px 12px; font-weight: 600;
}}
QLabel[message="info"] {{
    color: #166534; background: #dcfce7; border: 1px solid #bbf7d0; border-radius: 8px;
    padding: 8px 12px;
}}
QLabel[message="none"] {{ padding: 9px 13px; }}
QLabel#approval {{ color: #92400e; background: #fef3c7; border-radius: 8px; padding: 6px 10px; }}
QTextBrowser {{ background: #ffffff; border: 1px solid #dbe1ea; border-radius: 10px; }}
"""


def apply_till_style(widget: QWidget) -> None:
    widget.setStyleSheet(TILL_QSS)


def show_message(label: QLabel, text: str, *, error: bool) -> None:
    """Put a message in a message label and restyle it (error red, info green, blank none)."""
    label.setProperty("message", ("error" if error else "info") if text else "none")
    label.setText(text)
    label.setAccessibleDescription(text)
    label.style().unpolish(label)
    label.style().polish(label)


def set_role(widget: QWidget, role: str) -> None:
    widget.setProperty("role", role)


def till_button(text: str, name: str, role: str = "") -> QPushButton:
    """A large button with an accessible name that Enter in a field never presses by default."""
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setAutoDefault(False)
    if role:
        set_role(button, role)
    return button
