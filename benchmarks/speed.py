"""Speed of verify against the floor: one Python process running one number regex over the file.

    python benchmarks/speed.py                 # 1,000,000 characters from ../shared/corpus
    python benchmarks/speed.py --chars 100000  # one newspaper issue
    python benchmarks/speed.py --memory        # also peak memory on 10,000,000 characters

Every figure is the median of --runs whole-process runs (wall time), so start-up is included,
as an editor or a CI job would see it. Start-up is measured on a one-line file with the rule
cache warm and cold (a fresh VERIFY_CACHE_DIR).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
FLOOR = ("import re, sys\n"
         "text = open(sys.argv[1], encoding='utf-8').read()\n"
         "print(len(re.findall(r'\\d+(?:\\.\\d+)?', text)))\n")


def build_text(chars: int) -> str:
    """The corpus repeated up to `chars` characters (the sample report alone without a corpus)."""
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [REPO / "reports" / "qingdao-daily-2022-11-04.txt"]
    source = "\n\n".join(p.read_text(encoding="utf-8") for p in files)
    return (source * (chars // len(source) + 1))[:chars]


def timed(cmd: list[str], runs: int, env: dict | None = None) -> float:
    """Median wall time of a command, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory_mb(cmd: list[str]) -> float:
    """Peak resident size of a child process, in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(after, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--memory", action="store_true", help="also measure peak memory on 10M characters")
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "issue.txt"
        big.write_text(build_text(args.chars), encoding="utf-8")
        line = Path(tmp) / "line.txt"
        line.write_text("截至10月底，全市城镇新增就业33.88万人，完成全年计划的96.8%。\n", encoding="utf-8")
        floor_script = Path(tmp) / "floor.py"
        floor_script.write_text(FLOOR, encoding="utf-8")
        warm_env = dict(os.environ, VERIFY_CACHE_DIR=str(Path(tmp) / "cache"))
        subprocess.run([python, "-m", "verify", str(line)], env=warm_env, stdout=subprocess.DEVNULL, check=False)
        rows = [
            ("floor: one regex pass", timed([python, str(floor_script), str(big)], args.runs)),
            ("number reader (verify --numbers --format json)",
             timed([python, "-m", "verify", "--numbers", "--format", "json", str(big)], args.runs, warm_env)),
            ("whole check (verify --format json)",
             timed([python, "-m", "verify", "--format", "json", str(big)], args.runs, warm_env)),
        ]
        floor = rows[0][1]
        print(f"{args.chars:,} characters, median of {args.runs} runs, whole processes")
        print(f"{'':50} {'seconds':>8} {'chars/s':>12} {'× floor':>8}")
        for name, seconds in rows:
            print(f"{name:50} {seconds:8.3f} {args.chars / seconds:12,.0f} {seconds / floor:8.1f}")
        warm = timed([python, "-m", "verify", str(line)], args.runs, warm_env)
        cold = statistics.median(
            _cold_start(python, line, Path(tmp) / f"cold{i}") for i in range(args.runs))
        print(f"start-up on a one-line file: warm cache {warm:.3f} s, cold cache {cold:.3f} s")
        if args.memory:
            huge = Path(tmp) / "huge.txt"
            huge.write_text(build_text(10_000_000), encoding="utf-8")
            mb = peak_memory_mb([python, "-m", "verify", "--format", "json", str(huge)])
            print(f"peak memory, whole check of 10,000,000 characters: {mb:.0f} MB")


def _cold_start(python: str, line: Path, cache: Path) -> float:
    env = dict(os.environ, VERIFY_CACHE_DIR=str(cache))
    start = time.perf_counter()
    subprocess.run([python, "-m", "verify", str(line)], env=env, stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
