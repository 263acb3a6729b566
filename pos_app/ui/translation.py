"""The language of the till's screens: Qt translators for pos_app's own texts
(resources/i18n/pos_app_<lang>.qm) and Qt's standard buttons (qtbase_<lang>.qm)."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from pos_app.config import resources_dir
from pos_app.domain.settings import LANGUAGE_SYSTEM

# The languages pos_app has a translation for besides English, its source language.
TRANSLATED = ("de",)
# Overrides the till's setting (demos, screenshots): "en", "de" or "system".
LANGUAGE_ENV = "POS_APP_LANGUAGE"

_installed: list[QTranslator] = []  # kept alive while installed (Qt does not own them)


def chosen_language(setting: str) -> str:
    """'de' or 'en': the setting (or the environment's override), 'system' as the computer's."""
    wanted = os.environ.get(LANGUAGE_ENV, "").strip().lower() or setting
    if wanted == LANGUAGE_SYSTEM:
        wanted = QLocale.system().name().split("_")[0]
    return wanted if wanted in TRANSLATED else "en"


def install_language(setting: str) -> str:
    """Install the translators for `setting` (replacing any installed before); the language used."""
    app = QCoreApplication.instance()
    assert app is not None
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = chosen_language(setting)
    if language == "en":
        return language
    ours = QTranslator(app)
    if ours.load(f"pos_app_{language}", str(resources_dir() / "i18n")):
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    return language
