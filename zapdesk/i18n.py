"""Loading the product's translations (Portuguese (Brazil) and English) and Qt's own."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from zapdesk.resources import resource_path

log = logging.getLogger(__name__)


def install_translators(app: QCoreApplication, language: str | None = None) -> QLocale:
    """Install zapdesk's and Qt's translators for ``language`` (or the system's locale).

    English is the source language, so a locale without a catalogue simply stays English.
    """
    locale = QLocale(language) if language else QLocale.system()
    if locale.language() == QLocale.Language.C:  # an unset LANG: format dates as en_US
        locale = QLocale("en_US")
    QLocale.setDefault(locale)
    catalogues = [
        ("zapdesk", str(resource_path("i18n"))),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    for name, directory in catalogues:
        translator = QTranslator(app)  # parented: lives as long as the application
        if translator.load(locale, name, "_", directory):
            app.installTranslator(translator)
            log.info("%s: catalogue %s loaded", locale.name(), translator.filePath())
        else:  # English needs none (the source language); otherwise this says why
            log.info("%s: no %s catalogue in %s", locale.name(), name, directory)
    return locale
