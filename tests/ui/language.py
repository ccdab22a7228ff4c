"""Running part of a test in another language: zapdesk's catalogue and Qt's, then back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from zapdesk.resources import resource_path


@contextmanager
def speaking(language: str) -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    before = QLocale()
    QLocale.setDefault(QLocale(language))
    installed = []
    for name, directory in (("zapdesk", str(resource_path("i18n"))),
                            ("qtbase", QLibraryInfo.path(
                                QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator()
        if translator.load(QLocale(language), name, "_", directory):
            app.installTranslator(translator)
            installed.append(translator)
    try:
        yield
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        QLocale.setDefault(before)
