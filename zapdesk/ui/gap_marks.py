"""Where the timeline says that messages may be missing, and in what words.

A gap is shown once, above the first message after it began (the messages that came late,
redelivered, fall after the marker), or below the newest message when none came since.
Several gaps between the same two messages become one marker.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

from zapdesk.controller.conversations import Gap

Marks = tuple[str | None, str | None]  # (above the message, below it)
NO_MARKS: Marks = (None, None)


class GapIndex:
    """An account's gaps by start, so that each row finds its own with two bisections
    (a gap is recorded at every start: years of them must not slow the timeline)."""

    def __init__(self, gaps: Sequence[Gap] = ()) -> None:
        self.gaps = tuple(sorted(gaps, key=lambda g: g.started_at))
        self.starts = [g.started_at for g in self.gaps]

    def between(self, low: float, high: float | None) -> tuple[Gap, ...]:
        """The gaps that began in [low, high) (high None: no end)."""
        end = len(self.starts) if high is None else bisect_left(self.starts, high)
        return self.gaps[bisect_left(self.starts, low):end]

    def marks(self, previous_at: int | None, row_at: int, last: bool) -> Marks:
        """The notes around a message at ``row_at`` whose predecessor (in the view) is at
        ``previous_at`` (None at the top: what lies before it is not known here); ``last``:
        no newer message exists."""
        if not self.gaps:
            return NO_MARKS
        above = self.between(previous_at, row_at) if previous_at is not None else ()
        below = self.between(row_at, None) if last else ()
        return (text(above) if above else None, text(below) if below else None)


def marks(gaps: Sequence[Gap], previous_at: int | None, row_at: int, last: bool) -> Marks:
    return GapIndex(gaps).marks(previous_at, row_at, last)


def _moment(seconds: float, *, with_seconds: bool = False, time_only: bool = False) -> str:
    """The clock as the bubbles show it (24 hours), after the locale's short date."""
    moment = QDateTime.fromSecsSinceEpoch(int(seconds), QTimeZone.systemTimeZone())
    locale = QLocale()
    clock = locale.toString(moment.time(), "HH:mm:ss" if with_seconds else "HH:mm")
    return clock if time_only else \
        f"{locale.toString(moment.date(), QLocale.FormatType.ShortFormat)} {clock}"


def span(start: float, end: float) -> tuple[str, str]:
    """The two ends in words: the end without its date when on the same day, both with
    seconds when within a minute."""
    short = end - start < 60
    same_day = QDateTime.fromSecsSinceEpoch(int(start)).date() == \
        QDateTime.fromSecsSinceEpoch(int(end)).date()
    return (_moment(start, with_seconds=short),
            _moment(end, with_seconds=short, time_only=same_day))


def text(gaps: Sequence[Gap]) -> str:
    translate = QCoreApplication.translate
    first = min(g.started_at for g in gaps)
    if any(g.ended_at is None for g in gaps):
        return translate("chat", "No events have arrived since {start}: messages sent since "
                                 "then may be missing.").format(start=_moment(first))
    last = max(g.ended_at for g in gaps if g.ended_at is not None)
    start, end = span(first, last)
    if len(gaps) > 1:
        return translate("chat", "Messages may be missing: zapdesk was not receiving {count} "
                                 "times between {start} and {end}.").format(
            count=len(gaps), start=start, end=end)
    if gaps[0].reason == "closed":
        return translate("chat", "Messages may be missing between {start} and {end}: zapdesk "
                                 "was closed.").format(start=start, end=end)
    return translate("chat", "Messages may be missing between {start} and {end}: no events "
                             "arrived (the webhook may not have reached zapdesk).").format(
        start=start, end=end)
