"""Linear time, per rule kind: the whole check (and the JSON report, which hashes every finding's
sentence) of 1,000 and 4,000 copies of a unit of text; the ratio of the two times must stay near 4.

    python benchmarks/linear.py            # every kind; exit 1 when a ratio passes --limit
    python benchmarks/linear.py --units 500 --limit 4.5

Each unit is ordinary-looking text that one kind checks, several written on one line (no full
stop), the way issue 13 found quadratic cases: 4,000 比上年 sentences took 57 s, 4,000
下午4:30-4:00 on one line 28 s, 4,000 “一匠五创”（…） 41 s.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time

from verify.checking.engine import check_all
from verify.gate.apply import stamp
from verify.loaders import load_rules
from verify.reading.document import Document
from verify.report import render

UNITS = {
    "relation": lambda i: f"{2000 + i % 20}年全市农村居民人均可支配收入为{10000 + i}元，比上年增长{i % 30}.1%。",
    "relation (one line)": lambda i: f"完成{30 + i % 7}.88万人，完成全年计划的96.8%，",
    "sum": lambda i: f"全市共有企业{100 + i % 50}家，其中国有企业{60 + i % 9}家、民营企业{50 + i % 7}家。",
    "count (one line)": lambda i: "“一匠五创”（新区工匠，创新能手、班组、企业），",
    "sum after 包括 (one line)": lambda i: f"遇难人数{7 + i % 5}人，包括5名大陆居民和2名香港居民，",
    "members (one line)": lambda i: f"{31 + i % 3}个省区市中，东部11个省市、中部8个省份，",
    "headline digits": lambda i: f"惠誉将美国约{25 + i % 9}%行业展望下调\n国际评级机构惠誉将美国约2.{5 + i % 4}%的行业前景下调，",
    "consistency": lambda i: f"城镇新增就业33.88万人\n全市城镇新增就业{33 + i % 3}.88万人，",
    "calendar (one line)": lambda i: "下午4:30-4:00，",
    "calendar dates": lambda i: f"{1 + i % 12}月{1 + i % 28}日（周{'一二三四五六日'[i % 7]}）上班，2023年2月29日，",
    "pattern (one line)": lambda i: f"合格率为{101 + i % 50}.5%，下降{101 + i % 9}%，",
}


def seconds(text: str, rules, runs: int) -> float:
    """Least time of checking one document, fingerprinting its findings and rendering its JSON report (the least of several
    runs: what the code needs, without what other processes on the machine took)."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        results = stamp(check_all([Document("bench.txt", text)], rules), {})
        render(results, "json", "zh")
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=1000, help="copies in the small input (the large has 4x)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=float, default=4.5, help="largest acceptable time ratio")
    args = parser.parse_args()
    rules = load_rules()
    worst = 0.0
    print(f"{'kind':<22}{'chars':>10}{'1x (s)':>10}{'4x (s)':>10}{'ratio':>8}")
    for kind, unit in UNITS.items():
        small = "".join(unit(i) for i in range(args.units))
        large = "".join(unit(i) for i in range(4 * args.units))
        one, four = seconds(small, rules, args.runs), seconds(large, rules, args.runs)
        ratio = four / one
        worst = max(worst, ratio)
        print(f"{kind:<22}{len(small):>10}{one:>10.3f}{four:>10.3f}{ratio:>8.2f}")
    print(f"worst ratio {worst:.2f} (limit {args.limit})")
    return 0 if worst <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
