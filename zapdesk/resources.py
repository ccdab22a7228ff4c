"""The one way to find bundled files: from a PyInstaller bundle, an installed wheel (where
setup.py maps resources/ to zapdesk/_resources) or a source checkout."""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def resource_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller's bootloader
    if bundle is not None:
        return Path(bundle) / "resources"
    installed = PACKAGE / "_resources"
    if installed.is_dir():
        return installed
    return PACKAGE.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def user_guide() -> Path | None:
    """The README (the operator's guide): the copy bundled with the resources, else the
    source checkout's. Never fetched from anywhere."""
    for candidate in (resource_path("README.md"), resource_root().parent / "README.md"):
        if candidate.is_file():
            return candidate
    return None
