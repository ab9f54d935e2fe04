"""Fingerprints of verify's JSON output on ../shared/corpus and ../shared/archive: proof that a
speed change changed no output.

    python benchmarks/outputs.py                # compare with tests/output_fingerprints.json
    python benchmarks/outputs.py --write        # record the current outputs (an intended change)
    python benchmarks/outputs.py --tree DIR     # run another checkout's verify (e.g. main's tree)

For each folder, `verify --format json FOLDER` and `verify --numbers --format json FOLDER` are run
once (from the repository's folder, so paths read ../shared/...); the whole output's SHA-256 is
recorded, and each file's entry's own, so that a difference names the files it is in.
tests/test_outputs_unchanged.py runs the same comparison.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FOLDERS = ("corpus", "archive/bulletins", "archive/rmrb1998", "archive/xwlb")
MODES = {"check": ["--format", "json"], "numbers": ["--numbers", "--format", "json"]}
GOLDEN = REPO / "tests" / "output_fingerprints.json"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def run_verify(folder: str, mode: str, tree: Path | None = None, jobs: int = 2) -> str:
    """verify's output on ../shared/FOLDER, run from this repository's folder."""
    env = dict(os.environ)  # -P: the installed verify, or the one in PYTHONPATH, not the folder it runs in
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    cmd = [sys.executable, "-P", "-m", "verify", *MODES[mode], "--fail-on", "never", f"../shared/{folder}"]
    if mode == "check":
        cmd[4:4] = ["--jobs", str(jobs)]
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout


def fingerprints(output: str) -> dict:
    """The whole output's digest and each file entry's (by path)."""
    files = json.loads(output)["files"]
    return {"whole": _digest(output),
            "files": {f["path"]: _digest(json.dumps(f, ensure_ascii=False, sort_keys=True)) for f in files}}


def compute(folders=FOLDERS, tree: Path | None = None) -> dict:
    """Fingerprints of every folder and mode."""
    return {f"{mode} {folder}": fingerprints(run_verify(folder, mode, tree)) for folder in folders for mode in MODES}


def differences(expected: dict, actual: dict) -> list[str]:
    """One line per output that differs, naming the files whose entries differ."""
    lines = []
    for key, want in expected.items():
        got = actual.get(key)
        if got is None or got["whole"] == want["whole"]:
            continue
        changed = sorted(p for p in set(want["files"]) | set(got["files"])
                         if want["files"].get(p) != got["files"].get(p))
        lines.append(f"{key}: output differs; files: {', '.join(changed[:10]) or '(only the summary)'}"
                     + (f" and {len(changed) - 10} more" if len(changed) > 10 else ""))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help=f"record the outputs in {GOLDEN.relative_to(REPO)}")
    parser.add_argument("--tree", type=Path, help="a checkout whose verify to run (PYTHONPATH), e.g. main's")
    args = parser.parse_args()
    actual = compute(tree=args.tree.resolve() if args.tree else None)
    if args.write:
        GOLDEN.write_text(json.dumps(actual, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {GOLDEN}")
        return
    lines = differences(json.loads(GOLDEN.read_text(encoding="utf-8")), actual)
    print("\n".join(lines) or "outputs unchanged")
    sys.exit(1 if lines else 0)


if __name__ == "__main__":
    main()
