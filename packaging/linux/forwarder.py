"""Stand-ins for wheel-vendored copies of libraries the system provides (Linux bundle only).

Pillow's wheel vendors libxcb (with a libXau that auditwheel padded to 2.1 MB) for
ImageGrab, a screen grab zapdesk never makes. The bundle's Qt loads the system's libxcb
and libXau anyway (the .deb depends on them), so each process held two copies. The
vendored name stays (Pillow's extension links it by that name), but the file is a few
kilobytes: a library with that soname and no code, whose only DT_NEEDED is the system
library, so the symbols resolve there. Only for libraries whose symbols are unversioned
(a versioned reference names the file it expects the version in).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

# A vendored library's name prefix -> the system library that replaces it.
FORWARDS = {"pillow.libs/libxcb-": "libxcb.so.1"}


def target(dest: str) -> str | None:
    """The system library ``dest`` (a path in the bundle) should forward to, if any."""
    return next((lib for prefix, lib in FORWARDS.items() if dest.startswith(prefix)), None)


def forwarder(name: str, system_library: str, work: Path) -> Path:
    """A library named ``name`` that only links ``system_library``; returns its path."""
    work.mkdir(parents=True, exist_ok=True)
    empty = work / "empty.S"
    empty.write_text('    .section .note.GNU-stack,"",@progbits\n')
    out = work / name
    subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{name}", "-Wl,--no-as-needed",
                    "-o", str(out), str(empty), f"-l:{system_library}"], check=True)
    print(f"forwarder: {name} -> the system's {system_library}")
    return out
