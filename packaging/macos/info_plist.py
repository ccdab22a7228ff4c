"""What zapdesk.app's Info.plist says, beyond PyInstaller's defaults.

packaging/zapdesk.spec passes this to its BUNDLE step; packaging/macos/check_dmg.py
compares the built bundle's Info.plist with it; the test suite checks it through plistlib.
"""

from __future__ import annotations

from typing import Any

BUNDLE_ID = "io.github.zapdesk.zapdesk"  # the same reverse-DNS id as the Linux AppStream file
MIN_MACOS = "13.0"  # the oldest macOS that Qt 6.11 supports
URL_SCHEMES = ["whatsapp", "tel"]  # as the Linux .desktop file's x-scheme-handler types


def info_plist(version: str) -> dict[str, Any]:
    return {
        "CFBundleName": "zapdesk",
        "CFBundleDisplayName": "zapdesk",
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSMinimumSystemVersion": MIN_MACOS,
        "LSApplicationCategoryType": "public.app-category.business",
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
        # Dark mode follows the system (Qt 6 draws both).
        "NSRequiresAquaSystemAppearance": False,
        # Links arrive as an Apple event, which Qt delivers as a QFileOpenEvent (not argv).
        "CFBundleURLTypes": [{
            "CFBundleURLName": "WhatsApp link",
            "CFBundleTypeRole": "Viewer",
            "CFBundleURLSchemes": URL_SCHEMES,
        }],
    }
