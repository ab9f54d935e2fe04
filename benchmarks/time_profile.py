"""Where the check's time goes, per genre: the stages, the rules, and the functions that cost most.

    python benchmarks/time_profile.py               # 1,000,000 characters of each genre of speed.py
    python benchmarks/time_profile.py --chars 200000 --top 10

For each genre, in one process and with warm caches: CPU seconds of reading the figures, masking
them, the statement stage and the rules (the rules also as their three costliest), each as a
multiple of the floor of speed.py measured on the same text in this process, and then cProfile's
costliest functions by their own time over one whole check. This is the profile the speed targets
of docs/benchmarks.md point at where they are missed.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import build_text, genre_sources  # noqa: E402  (the genres and texts of speed.py)

from verify.checking.engine import check_document  # noqa: E402
from verify.checking.kinds import KINDS  # noqa: E402
from verify.checking.masking import mask  # noqa: E402
from verify.checking.matching import find_matches  # noqa: E402
from verify.checking.records import Context  # noqa: E402
from verify.loaders import load_rules  # noqa: E402
from verify.reading.document import Document  # noqa: E402
from verify.reading.reader import read_quantities  # noqa: E402
from verify.statements import read_statements  # noqa: E402

_FLOOR = re.compile(r"\d+(?:\.\d+)?")


def _cpu(action):
    start = time.process_time()
    value = action()
    return time.process_time() - start, value


def stages(text: str, rules) -> tuple[dict[str, float], int, list[tuple[float, str]]]:
    """CPU seconds of each stage, the figures read, and each rule's seconds."""
    seconds: dict[str, float] = {}
    seconds["floor"], _ = _cpu(lambda: len(_FLOOR.findall(text)))
    doc = Document("<profile>", text)
    seconds["view"], _ = _cpu(lambda: doc.view)
    seconds["reading"], quantities = _cpu(lambda: read_quantities(doc))
    seconds["masking"], masked = _cpu(lambda: mask(doc, quantities))
    context = Context(doc, quantities, masked)
    seconds["statements"], context.statements = _cpu(lambda: read_statements(doc, quantities))
    per_rule = []
    for rule in rules:
        spent, _ = _cpu(lambda rule=rule: (lambda m: KINDS[rule.kind].evaluate(rule, m, context) if m else None)(
            find_matches(rule, context)))
        per_rule.append((spent, rule.id))
    seconds["rules"] = sum(spent for spent, _ in per_rule)
    return seconds, len(quantities), sorted(per_rule, reverse=True)


def hot_functions(text: str, rules, top: int) -> str:
    """cProfile's costliest functions by own time over one whole check of the text."""
    profile = cProfile.Profile()
    profile.enable()
    check_document(Document("<profile>", text), rules)
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(top)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    return "\n".join(line.replace(str(Path(__file__).resolve().parent.parent) + "/", "") for line in lines[start:] if line.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    rules = load_rules()
    check_document(Document("<warm>", build_text(next(iter(genre_sources().values())), 20_000)), rules)  # warm caches
    print(f"{args.chars:,} characters per genre; CPU seconds in one process, and × the floor (one regex pass)")
    print(f"{'genre':14} {'figures':>8} {'floor':>7} {'reading':>14} {'masking':>13} {'statements':>14} {'rules':>14}  µs/figure")
    for genre, files in genre_sources().items():
        text = build_text(files, args.chars)
        seconds, figures, per_rule = stages(text, rules)
        floor = seconds["floor"]
        cells = "".join(f" {seconds[name]:7.3f} ×{seconds[name] / floor:5.1f}" for name in ("reading", "masking", "statements", "rules"))
        work = sum(seconds[name] for name in ("view", "reading", "masking", "statements", "rules"))
        print(f"{genre:14} {figures:8,} {floor:7.3f}{cells}  {1e6 * work / max(figures, 1):6.1f}")
        print(" " * 15 + "costliest rules: " + ", ".join(f"{rule} {spent:.3f}" for spent, rule in per_rule[:3]))
    text = build_text(genre_sources()["sample page"], args.chars)
    print(f"\nfunctions by own time, one whole check of the sample page genre ({args.chars:,} characters):")
    print(hot_functions(text, rules, args.top))


if __name__ == "__main__":
    main()
