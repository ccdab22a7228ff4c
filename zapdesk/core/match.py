"""Where a search matched a message, found the way the store's full-text index matches
(``unicode61 remove_diacritics 2`` and ``store.queries.fts_query``): words are runs of
letters and digits, compared without case or accents; each word typed is a phrase of such
words, and the last one typed counts as a prefix."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")  # unicode61: letters and digits; "_" and the rest separate

Span = tuple[int, int]  # (start, length) in str characters


def fold(text: str) -> str:
    """Without accents and case: "Ação" → "acao"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _phrases(query: str) -> list[list[str]]:
    """What the operator typed → the phrases the index looks for, folded."""
    phrases = [[fold(w) for w in _WORD.findall(word)] for word in query.split()]
    return [p for p in phrases if p]


def _prefix_length(word: str, prefix: str) -> int:
    """How many characters of ``word`` make up the folded ``prefix``."""
    folded = ""
    for n, ch in enumerate(word, start=1):
        folded += fold(ch)
        if len(folded) >= len(prefix):
            return n
    return len(word)


def matches(text: str, query: str) -> list[Span]:
    """The stretches of ``text`` that ``query`` matched, in order, not overlapping."""
    phrases = _phrases(query)
    if not phrases or not text:
        return []
    words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    folded = [fold(w) for _start, w in words]
    spans: list[Span] = []
    last = len(phrases) - 1
    for number, phrase in enumerate(phrases):
        size = len(phrase)
        for i in range(len(words) - size + 1):
            head, tail = folded[i:i + size - 1], folded[i + size - 1]
            if head != phrase[:-1]:
                continue
            if number == last:
                if not tail.startswith(phrase[-1]):
                    continue
                end_word = words[i + size - 1]
                end = end_word[0] + _prefix_length(end_word[1], phrase[-1])
            elif tail == phrase[-1]:
                end_word = words[i + size - 1]
                end = end_word[0] + len(end_word[1])
            else:
                continue
            spans.append((words[i][0], end - words[i][0]))
    return _merged(spans)


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, length in sorted(spans):
        if out and start <= out[-1][0] + out[-1][1]:
            previous = out[-1]
            out[-1] = (previous[0], max(previous[0] + previous[1], start + length) - previous[0])
        else:
            out.append((start, length))
    return out
