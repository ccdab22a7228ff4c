"""Who is answering: the operator's display name (by default the OS user's full name, else
the login) and the signature that puts it on top of a text or a caption."""

from __future__ import annotations

import getpass
import os

LONGEST_NAME = 60


def default_name() -> str:
    """The OS user's full name (the GECOS field on Unix), else their login."""
    try:
        import pwd  # Unix only

        full = pwd.getpwuid(os.getuid()).pw_gecos.split(",", 1)[0].strip()
    except (ImportError, KeyError, AttributeError, OSError):
        full = ""
    if full:
        return full[:LONGEST_NAME]
    try:
        return getpass.getuser()[:LONGEST_NAME] or "operator"
    except (OSError, KeyError, ImportError):  # no login name known (a container, say)
        return "operator"


def clean_name(value: str) -> str:
    """One line, no surrounding spaces, at most LONGEST_NAME characters."""
    return " ".join(value.split())[:LONGEST_NAME]


def signed(text: str | None, name: str) -> str:
    """``*Ana:*`` (bold in WhatsApp) and a line break above the text; alone when there is
    no text (a media sent without a caption still says who sent it)."""
    head = f"*{name}:*"
    return f"{head}\n{text}" if text and text.strip() else head
