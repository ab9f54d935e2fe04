"""How the table is to be shown, as the command line asks: apart from the table's module, so that
the command line can say it without loading the table (and its libraries) on a JSON run."""

from __future__ import annotations

from verify.frozen import record


WIDE = 120          # terminal columns from which every field has a column of its own


@record
class TableOptions:
    """How the table is shown: terminal width, colour, and which parts."""

    width: int = WIDE
    color: bool = False
    show_passed: bool = False
    quiet: bool = False        # findings only: no checks held, no summaries
    statistics: bool = False   # counts per rule at the end
