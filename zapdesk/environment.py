"""The process environment zapdesk starts with: what a frozen bundle added to it (children
must not inherit that) and what would break zapdesk itself (a stale certificate file)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

# Set by PyInstaller's bootloader (the original kept in NAME_ORIG) or its runtime hooks
# (Qt's plugin and QML paths, OpenSSL's modules); they point into the bundle.
BUNDLE_VARIABLES = ("LD_LIBRARY_PATH", "LIBPATH", "DYLD_LIBRARY_PATH", "QT_PLUGIN_PATH",
                    "QML2_IMPORT_PATH", "OPENSSL_MODULES", "PATH")


def restore_for_children(bundle: str | None = None) -> dict[str, str | None]:
    """Give child processes (xdg-open, the browser it starts) the environment zapdesk was
    started with, not the bundle's library paths: a browser loading the bundle's Qt or
    OpenSSL crashes or misbehaves. Returns what changed (name: new value or None).

    Safe for zapdesk itself once Qt is up: the dynamic loader read LD_LIBRARY_PATH at
    start, and Qt's plugin paths are pinned before this runs (see main)."""
    bundle = bundle if bundle is not None else getattr(sys, "_MEIPASS", None)
    if bundle is None:
        return {}
    changed: dict[str, str | None] = {}
    inside = Path(bundle).resolve()
    for name in BUNDLE_VARIABLES:
        value = os.environ.get(name)
        if value is None:
            continue
        original = os.environ.pop(f"{name}_ORIG", None)
        if original is None:  # keep only the entries that lie outside the bundle
            kept = [entry for entry in value.split(os.pathsep)
                    if entry and not _within(Path(entry), inside)]
            original = os.pathsep.join(kept) or None
        if original != value:
            changed[name] = original
            if original is None:
                del os.environ[name]
            else:
                os.environ[name] = original
    return changed


def _within(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except OSError:
        return False


def drop_unusable_cert_file() -> str | None:
    """SSL_CERT_FILE naming a missing or unreadable file makes every HTTPS client (httpx
    reads it) fail with a raw error, even the demo's. Forget it and say so: returns the
    path that was ignored, or None when there was nothing wrong."""
    path = os.environ.get("SSL_CERT_FILE")
    if not path:
        return None
    import ssl  # only here: zapdesk paints its window before importing TLS

    try:
        ssl.create_default_context(cafile=path)
    except (OSError, ssl.SSLError, ValueError) as exc:
        log.warning("SSL_CERT_FILE=%s is unusable (%s); using the bundled certificates",
                    path, exc)
        del os.environ["SSL_CERT_FILE"]
        return path
    return None
