"""Marking translatable text in code that must not import Qt.

`pyside6-lupdate` extracts calls named ``QT_TRANSLATE_NOOP(context, text)``; the UI shows
them with ``QCoreApplication.translate(context, text)``. Here the marker only returns the
English text, which is also what logs and ``str()`` show.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    return text
