"""Where zapdesk keeps things: the user's folders, or one folder for portable use and tests."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "ZAPDESK_DATA_DIR"
APP = "zapdesk"


def given_dir(value: str | os.PathLike[str] | None) -> Path | None:
    """A folder the user named (``--data-dir``, $ZAPDESK_DATA_DIR): ``~`` expanded and
    made absolute against the working directory of the start, once. A relative path
    would otherwise break later: SQLite opens the store by a file URI, which must be
    absolute. None for nothing or an empty value."""
    if value is None or not os.fspath(value).strip():
        return None
    return Path(os.fspath(value)).expanduser().resolve()


def _override(data_dir: Path | None) -> Path | None:
    if data_dir is not None:
        return given_dir(data_dir)
    return given_dir(os.environ.get(DATA_DIR_ENV))


def config_dir(data_dir: Path | None = None) -> Path:
    """Settings and account profiles: ``--data-dir``/$ZAPDESK_DATA_DIR, else the OS's place."""
    chosen = _override(data_dir)
    return chosen if chosen is not None else Path(platformdirs.user_config_dir(APP,
                                                                               appauthor=False))


def data_dir(data_dir: Path | None = None) -> Path:
    """Messages, events and logs: the same override, else the OS's data place."""
    chosen = _override(data_dir)
    return chosen if chosen is not None else Path(platformdirs.user_data_dir(APP,
                                                                             appauthor=False))
