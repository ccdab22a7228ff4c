"""The Windows version resource of zapdesk.exe and zapdesk-cli.exe: what Explorer's
Properties → Details, Task Manager and the "Open with" list show for them.

Written as the text PyInstaller's `EXE(version=FILE)` reads (its own classes, evaluated),
because PyInstaller's version-info module imports only on Windows; the test suite loads
the text with that module to check it.
"""

from __future__ import annotations

import re
from pathlib import Path


def numeric(version: str) -> tuple[int, int, int, int]:
    """1.2.3 → (1, 2, 3, 0); 1.2.0rc1 → (1, 2, 0, 0): Windows versions are four numbers."""
    found = re.match(r"\d+(?:\.\d+){0,3}", version)
    numbers = [int(part) for part in found.group(0).split(".")] if found else []
    numbers += [0, 0, 0, 0]
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_file_text(version: str, exe_name: str, description: str) -> str:
    numbers = numeric(version)
    strings = {
        "CompanyName": "zapdesk",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": "zapdesk",
        "ProductVersion": version,
    }
    table = ",\n        ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers!r}, prodvers={numbers!r}, mask=0x3f,\n"
        "                    flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('040904B0', [\n"
        f"        {table}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [0x0409, 1200])]),\n"
        "  ])\n"
    )


def write_version_file(directory: Path, version: str, exe_name: str, description: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{exe_name}-version.txt"
    path.write_text(version_file_text(version, exe_name, description), encoding="utf-8")
    return path
