"""Speed of verify against the floor: one Python process running one number regex over the same text.

    python benchmarks/speed.py                 # every figure of issue 11's table
    python benchmarks/speed.py --quick         # 1 run each, no 10 M characters

Three genres, each 1,000,000 characters: the sample page repeated, the TV transcripts of
../shared/archive/xwlb/, the reports of ../shared/archive/bulletins/ (each repeated as needed);
and the mixed corpus. Figures are CPU seconds of whole processes (user + system, children
included: start-up counts, and a loaded machine does not inflate them), the minimum of --runs,
and each is given as a ratio to the floor measured in the same run. Then: 1 M -> 10 M characters
(cost and peak memory of the check and of --numbers), start-up on a one-line file (warm cache;
cold: a fresh, unwritable cache folder; both with Python's bytecode cache, which the first run writes), and --jobs 2 against --jobs 1 on 200 transcripts (wall
time, which only an otherwise idle 2-core machine measures; their CPU ratio is shown beside it).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "reports" / "qingdao-daily-2022-11-04.txt"
FLOOR = ("import re, sys\n"
         "text = open(sys.argv[1], encoding='utf-8').read()\n"
         "print(len(re.findall(r'\\d+(?:\\.\\d+)?', text)))\n")
LINE = "截至10月底，全市城镇新增就业33.88万人，完成全年计划的96.8%。\n"


def genre_sources() -> dict[str, list[Path]]:
    """The files each genre is made of (the sample page alone where ../shared is absent)."""
    genres = {"sample page": [SAMPLE]}
    for name, folder in (("transcripts", SHARED / "archive" / "xwlb"), ("reports", SHARED / "archive" / "bulletins"),
                         ("mixed corpus", SHARED / "corpus")):
        files = sorted(folder.glob("*.txt"))
        if files:
            genres[name] = files
    return genres


def build_text(files: list[Path], chars: int) -> str:
    """The files joined, repeated up to `chars` characters."""
    source, size, parts = "", 0, []
    for path in files:
        parts.append(path.read_text(encoding="utf-8"))
        size += len(parts[-1]) + 2
        if size > chars:
            break
    source = "\n\n".join(parts) + "\n\n"
    return (source * (chars // len(source) + 1))[:chars]


def cpu(cmd: list[str], runs: int, env: dict | None = None) -> float:
    """Least CPU time (user + system, with children) of a command over `runs` runs."""
    best = float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return best


def wall(cmd: list[str], runs: int, env: dict | None = None) -> float:
    """Least wall time of a command over `runs` runs."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, env=env)
        best = min(best, time.perf_counter() - start)
    return best


def peak_mb(cmd: list[str], env: dict | None = None) -> float:
    """Peak resident size of one run, in MB (measured in a fresh child so earlier runs do not count)."""
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    done = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=env)
    return int(done.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="one run each; skip 10 M characters and --jobs")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    python = sys.executable
    verify = [python, "-m", "verify"]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        # Warm means Python's bytecode cache too, as an installed package has it: a shell with
        # PYTHONDONTWRITEBYTECODE would have every run compile verify's modules from source.
        env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
        env["VERIFY_CACHE_DIR"] = str(tmp / "cache")
        floor_script = tmp / "floor.py"
        floor_script.write_text(FLOOR, encoding="utf-8")
        line = tmp / "line.txt"
        line.write_text(LINE, encoding="utf-8")
        subprocess.run([*verify, str(line)], env=env, stdout=subprocess.DEVNULL, check=False)  # warm the caches
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"{platform.platform()}; CPU seconds (user + system), least of {runs}")
        print(f"\n{args.chars:,} characters per genre")
        print(f"{'genre':14} {'floor s':>8} {'check s':>8} {'chars/s':>11} {'× floor':>8} {'numbers s':>10} {'× floor':>8}")
        for genre, files in genre_sources().items():
            path = tmp / f"{genre.replace(' ', '-')}.txt"
            path.write_text(build_text(files, args.chars), encoding="utf-8")
            floor = cpu([python, str(floor_script), str(path)], runs)
            check = cpu([*verify, "--format", "json", str(path)], runs, env)
            numbers = cpu([*verify, "--numbers", "--format", "json", str(path)], runs, env)
            print(f"{genre:14} {floor:8.3f} {check:8.3f} {args.chars / check:11,.0f} {check / floor:8.1f} "
                  f"{numbers:10.3f} {numbers / floor:8.1f}")
        warm = cpu([*verify, "--format", "json", str(line)], max(runs, 5), env)
        blocker = tmp / "not-a-folder"
        blocker.write_text("", encoding="utf-8")
        cold_env = dict(os.environ, VERIFY_CACHE_DIR=str(blocker / "cache"))
        cold = cpu([*verify, "--format", "json", str(line)], max(runs, 5), cold_env)
        print(f"\nstart-up on a one-line file (--format json): warm {warm:.3f} s, "
              f"cold (no cache, none writable) {cold:.3f} s; bare python {cpu([python, '-c', 'pass'], 5):.3f} s")
        if args.quick:
            return
        mixed = genre_sources().get("mixed corpus") or [SAMPLE]
        small, big = tmp / "1m.txt", tmp / "10m.txt"
        small.write_text(build_text(mixed, 1_000_000), encoding="utf-8")
        big.write_text(build_text(mixed, 10_000_000), encoding="utf-8")
        print("\n1 M -> 10 M characters (mixed corpus)")
        for name, options in (("check", ["--format", "json"]), ("--numbers", ["--numbers", "--format", "json"])):
            one = cpu([*verify, *options, str(small)], 1, env)
            ten = cpu([*verify, *options, str(big)], 1, env)
            memory = peak_mb([*verify, *options, str(big)], env)
            print(f"{name:10} 1 M {one:6.2f} s, 10 M {ten:6.2f} s: × {ten / one:5.2f}; peak memory at 10 M {memory:5.0f} MB")
        transcripts = sorted((SHARED / "archive" / "xwlb").glob("*.txt"))[:200]
        if len(transcripts) == 200:
            folder = tmp / "200"
            folder.mkdir()
            for path in transcripts:
                shutil.copy(path, folder)
            times = {j: wall([*verify, "--format", "json", "--jobs", str(j), str(folder)], runs, env) for j in (1, 2)}
            cpus = {j: cpu([*verify, "--format", "json", "--jobs", str(j), str(folder)], 1, env) for j in (1, 2)}
            print(f"\n--jobs on 200 transcripts: --jobs 1 {times[1]:.2f} s, --jobs 2 {times[2]:.2f} s wall: "
                  f"speed-up × {times[1] / times[2]:.2f} (CPU {cpus[1]:.2f} s and {cpus[2]:.2f} s: "
                  f"× {cpus[2] / cpus[1]:.2f} the work); load average now {os.getloadavg()[0]:.1f}")
            many = tmp / "many"
            many.mkdir()
            for i in range(10_000):
                (many / f"{i:05}.txt").write_text(transcripts[i % 200].read_text(encoding="utf-8")[:1000], encoding="utf-8")
            few = tmp / "few"
            few.mkdir()
            for i in range(1_000):
                (few / f"{i:05}.txt").write_text(transcripts[i % 200].read_text(encoding="utf-8")[:1000], encoding="utf-8")
            print(f"folder of short files: peak memory 1,000 files {peak_mb([*verify, '--format', 'json', str(few)], env):.0f} MB, "
                  f"10,000 files {peak_mb([*verify, '--format', 'json', str(many)], env):.0f} MB")


if __name__ == "__main__":
    main()
