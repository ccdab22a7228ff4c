"""Colours and the dark palette. Status colours are chosen per palette so the words on
them stay readable in light and dark themes alike."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_STATUS = {  # (light theme, dark theme)
    "created": ("#5b6b8c", "#8fa3c9"),
    "qr": ("#b26a00", "#f0b04a"),
    "connected": ("#1e8e3e", "#5bd68a"),
    "disconnected": ("#6b6b6b", "#a8a8a8"),
    "banned": ("#c5221f", "#ff7b72"),
}
_UNKNOWN = ("#7b4fb8", "#c29cf5")
WARNING = ("#b3261e", "#ffb4ab")


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def pick(pair: tuple[str, str], palette: QPalette | None = None) -> QColor:
    return QColor(pair[1] if is_dark(palette) else pair[0])


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours, 1 to 21 (text needs 4.5, shapes 3)."""
    def luminance(colour: QColor) -> float:
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                    for c in (colour.redF(), colour.greenF(), colour.blueF())]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def status_color(status: str, palette: QPalette | None = None) -> QColor:
    return pick(_STATUS.get(status, _UNKNOWN), palette)


def dark_palette() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#202124", role.WindowText: "#e8eaed", role.Base: "#17181a",
        role.AlternateBase: "#2a2b2e", role.ToolTipBase: "#2a2b2e", role.ToolTipText: "#e8eaed",
        role.Text: "#e8eaed", role.Button: "#2d2e31", role.ButtonText: "#e8eaed",
        role.BrightText: "#ffffff", role.Highlight: "#1a73e8", role.HighlightedText: "#ffffff",
        role.Link: "#8ab4f8", role.PlaceholderText: "#9aa0a6", role.Mid: "#3c4043",
        role.Dark: "#111214", role.Light: "#3c4043", role.Midlight: "#35363a",
        role.Shadow: "#000000",
    }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#6f7378"))
    return p


_system: tuple[str, QPalette] | None = None  # the platform's style and palette, once left


def current() -> str:
    """The theme applied last: ``system`` until light or dark is chosen."""
    if _system is None:
        return "system"
    return "dark" if is_dark() else "light"


def apply_theme(app: QApplication, theme: str) -> None:
    """``light``, ``dark`` or ``system`` (the platform's own style and palette); may be
    called again while the app runs (Preferences)."""
    global _system
    if theme == "system":
        if _system is not None:  # back from light or dark
            name, palette = _system
            _system = None
            app.setStyle(QStyleFactory.create(name) or QStyleFactory.create("Fusion"))
            app.setPalette(palette)
        return
    if _system is None:
        _system = (app.style().name(), QPalette(app.palette()))
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())


# Chat bubbles: (light theme, dark theme)
BUBBLE_OUT = ("#d9fdd3", "#005c4b")
BUBBLE_IN = ("#ffffff", "#2a2f32")
CHAT_BACKGROUND = ("#efeae2", "#0b141a")
TICK_READ = ("#1a8cd8", "#53bdeb")
SECONDARY_TEXT = ("#667781", "#8696a0")
# What a search matched, marked in the results: (light theme, dark theme)
SEARCH_MARK = ("#ffe58f", "#5c4b00")
SEARCH_MARK_TEXT = ("#1f1f1f", "#ffffff")
# The line under a bubble (time, "edited", "Not sent"): 4.5:1 or more on its bubble
FOOTER_IN = ("#667781", "#a3b0b7")
FOOTER_OUT = ("#54656f", "#c7dbd5")
FOOTER_FAILED = ("#a8201a", "#ffdad6")
