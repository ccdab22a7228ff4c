"""Where a timeline's "messages may be missing" notes go, and what they say."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from zapdesk.controller.conversations import Gap
from zapdesk.ui.gap_marks import marks

T = 1767225600  # 2026-01-01 00:00 UTC


def test_a_gap_goes_above_the_first_message_after_it_began(qapp: QApplication) -> None:
    closed = (Gap(T + 100, T + 7300, "closed"),)
    assert marks(closed, T, T + 50, last=False) == (None, None)  # before it began
    above, below = marks(closed, T + 50, T + 7400, last=True)
    assert below is None and above is not None and "zapdesk was closed" in above
    # a message sent during the gap and delivered late falls after the note, not before
    assert marks(closed, T + 50, T + 200, last=False)[0] is not None
    assert marks(closed, None, T + 7400, last=True) == (None, None)  # top: unknown before


def test_after_the_newest_message_and_while_still_quiet(qapp: QApplication) -> None:
    quiet = (Gap(T + 100, None, "quiet"),)
    above, below = marks(quiet, T - 10, T, last=True)
    assert above is None and below is not None and below.startswith("No events have arrived")
    assert marks(quiet, T - 10, T, last=False) == (None, None)  # newer messages exist


def test_several_gaps_between_two_messages_make_one_note(qapp: QApplication) -> None:
    found = (Gap(T + 100, T + 200, "closed"), Gap(T + 300, T + 400, "quiet"))
    above, _ = marks(found, T, T + 1000, last=False)
    assert above is not None and "2 times" in above


def test_a_short_gap_says_its_seconds(qapp: QApplication) -> None:
    above, _ = marks((Gap(T + 100, T + 130, "closed"),), T, T + 1000, last=False)
    assert above is not None and ":40" in above and ":10" in above, above
