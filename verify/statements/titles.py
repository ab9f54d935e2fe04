"""Title lines: where a page's titles stand and the article each run of them heads.

A title is a short line without a sentence end (。！？；) and without figures side by side (a row
of a table); the title lines in a row (a subtitle, a byline) belong together. Its article is the
text after them up to the next title line (one item of a TV transcript, one article of a daily, a
roundup's item under its subheading). Apart from headlines.py, which pairs a title's figures with
its body's, because finding the lines reads only the text, never a figure.
"""

from __future__ import annotations

from verify import regexes

MAX_TITLE = 64      # characters of a title line
_TITLE_BREAKS = regexes.compile(r"[。！？!?；;]|[,，:：、]\s*$")
_CJK = regexes.compile(r"[\u4e00-\u9fff]")
_SIDE_BY_SIDE = regexes.compile(r"[\d０-９%％][\s　]+[-－+＋]?[\d０-９]")


def articles(view: str) -> list[tuple[list[tuple[int, int]], tuple[int, int]]]:
    """Each run of title lines and the body after it, up to the next line read as a title (a
    subheading opens another story: 国内联播快讯 and its items)."""
    lines, pos = [], 0
    for line in view.split("\n"):
        text = line.strip()
        kind = "blank" if not text else ("title" if _title_like(text) else "body")
        lines.append((pos, pos + len(line), kind))
        pos += len(line) + 1
    found, i, n = [], 0, len(lines)
    while i < n:
        if lines[i][2] != "title":
            i += 1
            continue
        j = i
        while j < n and lines[j][2] != "body":
            j += 1
        k = j + 1
        while k < n and lines[k][2] != "title":
            k += 1
        if j < n:
            titles = [(s, e) for s, e, kind in lines[i:j] if kind == "title"]
            found.append((titles, (lines[j][0], lines[k - 1][1])))
        i = max(k, i + 1)
    return found


def _title_like(text: str) -> bool:
    """A short line without a sentence end, with words, and no figures side by side (a table row)."""
    return len(text) <= MAX_TITLE and not _TITLE_BREAKS.search(text) and bool(_CJK.search(text)) \
        and not _SIDE_BY_SIDE.search(text)
