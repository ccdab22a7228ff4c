"""The AppImage recipe's AppDir (packaging/appimage/build-appimage --appdir).

appimagetool cannot be had here, so the release workflow alone squashes the AppDir into
an AppImage. What can be checked here is the AppDir it squashes: the entry point reaches
the bundle's executable with the arguments (a link, say), and the desktop entry and icon
sit where the AppImage tools and desktop integrators look for them. The bundle is a
stand-in executable: freezing the real one is the Linux packaging tests' job.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.release.scripts import PACKAGING


def test_appdir_starts_the_bundle_and_carries_the_desktop_entry(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "zapdesk"
    exe.write_text('#!/bin/sh\necho "bundle got: $*"\n', encoding="utf-8")
    exe.chmod(0o755)
    appdir = tmp_path / "zapdesk.AppDir"
    subprocess.run([str(PACKAGING / "appimage" / "build-appimage"), "--appdir", str(appdir)],
                   check=True, env={**os.environ, "ZAPDESK_BUNDLE": str(bundle)}, timeout=60)

    link = "whatsapp://send?phone=5511999999999&text=oi"
    started = subprocess.run([str(appdir / "AppRun"), link], capture_output=True, text=True,
                             check=True, timeout=30)
    assert started.stdout.strip() == f"bundle got: {link}"
    assert (appdir / "usr" / "lib" / "zapdesk" / "_internal").is_dir()
    assert (appdir / "usr" / "bin" / "zapdesk").resolve() == \
        (appdir / "usr" / "lib" / "zapdesk" / "zapdesk").resolve()

    desktop = (appdir / "zapdesk.desktop").read_text(encoding="utf-8")
    assert "Icon=zapdesk" in desktop and "x-scheme-handler/whatsapp" in desktop
    assert (appdir / ".DirIcon").resolve() == (appdir / "zapdesk.png").resolve()
    assert (appdir / "zapdesk.png").read_bytes().startswith(b"\x89PNG")
    assert list((appdir / "usr" / "share" / "metainfo").glob("*.metainfo.xml"))
    assert (appdir / "usr/share/icons/hicolor/256x256/apps/zapdesk.png").is_file()
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (packaging/dev/setup installs it)")
    validated = subprocess.run(["desktop-file-validate", str(appdir / "zapdesk.desktop")],
                               capture_output=True, text=True, check=False)
    assert validated.returncode == 0, validated.stdout
