"""The discrepancy table, as wide as the terminal: where, how serious, which rule, the sentence
with the figure marked, the problem and the arithmetic; then a summary per file.

From WIDE columns on, each of 位置 | 级别 | 规则 | 原文 | 问题 | 计算 has a column of its own;
narrower, position, severity and rule share one and so do problem and arithmetic. Cells wrap
between characters, never inside a figure.
"""

from __future__ import annotations

from verify.messages import text_for
from verify.printable import visible
from verify.reading.document import SENTENCE_ENDS
from verify.report.options import WIDE, TableOptions
from verify.report.rows import counts, headers, summary_lines
from verify.report.terminal import Styled, figure_piece, figures_in, fit_columns, tabulate, width_of, wrap
from verify.report.where import where

CONTEXT = 36        # characters of the sentence shown on each side of the figure
KEEP_WHOLE = 12     # characters: a finding's text up to this long is never broken


def findings_table(results, lang: str, options: TableOptions = TableOptions()) -> str:
    """Every file's findings as a table that fits the width, its checks held, its summary."""
    summaries = dict((id(r), line) for r, line in summary_lines(results, lang) if r is not None)
    out = []
    for result in results:
        if result.findings:
            out.append(visible(result.doc.path))
            out.append(_grid(result, lang, options))
        if options.quiet:
            continue
        out += _passed(result, lang, options)
        out += _wrapped(summaries[id(result)], options, keep=visible(result.doc.path))
        if result.baselined or result.suppressed:
            out += _wrapped(text_for(lang, "set_aside", baselined=len(result.baselined),
                                     suppressed=len(result.suppressed)), options)
    if not options.quiet:
        for line in (line for r, line in summary_lines(results, lang) if r is None):
            out += _wrapped(line, options)
    if options.statistics:
        out.append(statistics_table(results, lang))
    return "\n".join(out) + "\n" if out else ""


def _grid(result, lang: str, options: TableOptions) -> str:
    rows = [_cells(result, f, lang, options.color) for f in result.findings]
    names = headers(lang)
    if options.width >= WIDE:
        titles = [Styled(name) for name in names]
        caps, weights = [None, None, 16, None, None, None], [0, 0, 0, 1.2, 1, 1]
    else:  # position, severity and rule in one column; problem and arithmetic in another
        titles = [Styled("\n".join(names[:3])), Styled(names[3]), Styled("\n".join(names[4:]))]
        label = text_for(lang, "col_calculation") + ("：" if lang == "zh" else ": ")
        rows = [[_stack(row[:3]), row[3], _stack([row[4], _labelled(label, row[5])])] for row in rows]
        caps, weights = [16, None, None], [0, 1, 1.15]
    columns = [[t] + [row[i] for row in rows] for i, t in enumerate(titles)]
    # tabulate keeps two spaces beside every header line: a column is never narrower than that
    floors = [max(width_of(line) for line in t.text.split("\n")) + 2 for t in titles]
    widths = fit_columns(columns, options.width, caps, weights, floors)
    body = [["\n".join(wrap(cell, w, options.color)) for cell, w in zip(row, widths)] for row in rows]
    heads = ["\n".join(wrap(t, w)) for t, w in zip(titles, widths)]
    return tabulate(body, headers=heads, tablefmt="simple_grid", disable_numparse=True)


def _cells(result, finding, lang: str, color: bool) -> list[Styled]:
    """One finding as Styled cells: position, severity, rule, sentence, problem, arithmetic."""
    severity = text_for(lang, "severity_" + finding.severity)
    message, calculation = finding.message, finding.calculation or ""
    named = (finding.text, *(r.text for r in finding.related))
    return [Styled(where(result.doc, finding.start, lang)),
            Styled(severity, styles=((0, len(severity), finding.severity),)),
            Styled(finding.rule_id),
            context(result.doc.text, finding, result.quantities, color),
            figure_piece(message, named),
            figure_piece(calculation, named)]


def _labelled(label: str, cell: Styled) -> Styled:
    """A cell's text after a label (计算：…), when it has any."""
    if not cell.text:
        return cell
    shift = len(label)
    return Styled(label + cell.text, tuple((s + shift, e + shift) for s, e in cell.keep),
                  tuple((s + shift, e + shift, name) for s, e, name in cell.styles),
                  tuple((s + shift, e + shift) for s, e in cell.soft))


def _stack(cells: list[Styled]) -> Styled:
    """Several cells as the lines of one."""
    text, keep, styles, soft, offset = [], [], [], [], 0
    for cell in cells:
        if not cell.text:
            continue
        text.append(cell.text)
        keep += [(s + offset, e + offset) for s, e in cell.keep]
        styles += [(s + offset, e + offset, name) for s, e, name in cell.styles]
        soft += [(s + offset, e + offset) for s, e in cell.soft]
        offset += len(cell.text) + 1
    return Styled("\n".join(text), tuple(keep), tuple(styles), tuple(soft))


def context(text: str, finding, quantities, color: bool) -> Styled:
    """The sentence around the finding's figure (at most CONTEXT characters each side), the
    figure in 【】 or, in colour, in reverse video."""
    begin = max(text.rfind(ch, 0, finding.start) for ch in SENTENCE_ENDS) + 1
    stops = [i for i in (text.find(ch, finding.end) for ch in SENTENCE_ENDS) if i >= 0]
    end = min(stops) + 1 if stops else len(text)
    begin, end = max(begin, finding.start - CONTEXT), min(end, finding.end + CONTEXT)
    for q in quantities:  # a clipped side takes in a figure it would cut
        if q.start < begin < q.end:
            begin = q.start
        if q.start < end < q.end:
            end = q.end
    while begin < finding.start and text[begin].isspace():
        begin += 1
    before, figure, after = text[begin:finding.start], text[finding.start:finding.end], text[finding.end:end].rstrip()
    lead = "…" if begin > 0 and text[begin - 1] not in SENTENCE_ENDS else ""
    tail = "…" if end < len(text) and text[end - 1] not in SENTENCE_ENDS else ""
    left, right = ("", "") if color else ("【", "】")
    shown = lead + before + left + figure + right + after + tail
    figure_at = len(lead) + len(before)
    # a short finding stays whole; a long one (a list of figures) keeps each of its figures whole
    keep = [(figure_at, figure_at + len(left) + len(figure) + len(right))] if len(figure) <= KEEP_WHOLE else []
    for q in quantities:
        if begin <= q.start and q.end <= end:
            moved = q.start - begin + len(lead) + (len(left) if q.start >= finding.start else 0) \
                + (len(right) if q.start >= finding.end else 0)
            keep.append((moved, moved + q.end - q.start))
    styles = ((figure_at, figure_at + len(figure), "figure"),) if color else ()
    return Styled(visible(shown.replace("\n", " ")), tuple(keep), styles)


def _passed(result, lang: str, options: TableOptions) -> list[str]:
    """The checks that held: each with --show-passed, else a one-line count."""
    if not result.passed:
        return []
    if not options.show_passed:
        return _wrapped(text_for(lang, "checks_held_count", count=len(result.passed)), options)
    out = [text_for(lang, "checks_held", count=len(result.passed))]
    for check in result.passed:
        line = f"{where(result.doc, check.start, lang)}  {check.rule_id}  {check.calculation}"
        out += ["  " + part for part in wrap(figure_piece(line), options.width - 2)]
    return out


def _wrapped(line: str, options: TableOptions, keep: str | None = None) -> list[str]:
    spans = tuple(figures_in(line)) + (((line.index(keep), line.index(keep) + len(keep)),) if keep else ())
    return wrap(Styled(line, spans), options.width)


def statistics_table(results, lang: str) -> str:
    """Findings per rule and severity, the most serious rules first (--statistics)."""
    tally: dict[str, dict[str, int]] = {}
    for result in results:
        for f in result.findings:
            tally.setdefault(f.rule_id, counts([]))[f.severity] += 1
    order = sorted(tally, key=lambda rule: (*(-tally[rule][s] for s in ("error", "warning", "info")), rule))
    rows = [[rule, *(tally[rule][s] for s in ("error", "warning", "info")), sum(tally[rule].values())]
            for rule in order]
    total = counts([f for r in results for f in r.findings])
    rows.append([text_for(lang, "stat_total"), total["error"], total["warning"], total["info"], sum(total.values())])
    names = [text_for(lang, key) for key in ("col_rule", "severity_error", "severity_warning", "severity_info",
                                             "stat_all")]
    return text_for(lang, "stat_heading") + "\n" + tabulate(rows, headers=names, tablefmt="simple_outline",
                                                            disable_numparse=True, colalign=("left",) + ("right",) * 4)
