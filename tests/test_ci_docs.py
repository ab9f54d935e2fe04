"""docs/ci.md, tried as written: its jobs' shell runs with bash in a scratch git repository.

The shell comes out of the page itself: the `run:` strings of the GitHub Actions workflow, the
`script:` lines of the GitLab CI job (both parsed with yaml.safe_load), and the ```sh blocks
marked `<!-- ci-step: NAME -->`. The scratch repository has a base commit and a change whose
.txt files have Chinese names, spaces, quotes, a newline, a leading dash, `$(touch PWNED)` and
backticks in their names, and one planted arithmetic error. Only the install steps are replaced
(by the verify that runs this test, first on PATH), and GitHub's `${{ … }}` values in `env:`
are set the way the runner sets them. The helpers are specific to this page, so they live here.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from conftest import REPO

DOC = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
BASH = shutil.which("bash")
GIT = shutil.which("git")
needs_shell = pytest.mark.skipif(
    BASH is None or GIT is None,
    reason=f"docs/ci.md's jobs are bash scripts over git: bash={BASH}, git={GIT} (install both to run them)")

INFO = "今年新增就业33.88万人，完成全年计划的96.8%。\n"       # an info finding: every file shows up in SARIF
PLANTED = "全市法院按期结案率110%。\n"                        # share-above-100: an error
BASE_FILES = {
    "issues/2022-11-03/一版.txt": "一版：" + INFO,                  # unchanged: not checked
    "issues/2022-11-04/市场 动态.txt": "市场：" + INFO,             # changed: gets the planted error
    "issues/旧稿.txt": "旧稿的内容与别处都不同。\n",                 # deleted: must not be passed
    "notes.md": "编辑部说明\n",
}
CHANGED_FILES = {
    "issues/2022-11-04/市场 动态.txt": "市场：" + INFO + PLANTED,
    "issues/2022-11-04/青岛日报 要闻.txt": "要闻：" + INFO,
    "issues/2022-11-04/x$(touch PWNED).txt": "命令：" + INFO,
    "issues/2022-11-04/`touch PWNED2`.txt": "反引号：" + INFO,
    "issues/2022-11-04/引号 \"双\" '单'.txt": "引号：" + INFO,
    "issues/2022-11-04/分号;与&管道|.txt": "分号：" + INFO,
    "issues/2022-11-04/换\n行.txt": "换行：" + INFO,
    "-版面.txt": "版面：" + INFO,
}
PLANTED_FILE = "issues/2022-11-04/市场 动态.txt"
INJECTED = {"PWNED", "PWNED2"}      # what the hostile names would create if they ever ran


# --- the page ---------------------------------------------------------------------------------

def ci_steps() -> dict[str, str]:
    """The ```sh blocks marked <!-- ci-step: NAME -->, by name."""
    found = re.findall(r"<!-- ci-step: ([\w-]+) -->\n```sh\n(.*?)```", DOC, flags=re.S)
    names = [name for name, _ in found]
    assert len(names) == len(set(names)), f"ci-step names repeat in docs/ci.md: {names}"
    return dict(found)


def yaml_blocks() -> list:
    """Every ```yaml block of the page, parsed (a block that does not parse fails here)."""
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S)]


def github_workflow() -> dict:
    """The GitHub Actions workflow: the one yaml block with `jobs`."""
    workflows = [b for b in yaml_blocks() if isinstance(b, dict) and "jobs" in b]
    assert len(workflows) == 1, "docs/ci.md should hold exactly one GitHub Actions workflow"
    return workflows[0]


def github_job() -> dict:
    """The workflow's one job."""
    (job,) = github_workflow()["jobs"].values()
    return job


def gitlab_job() -> dict:
    """The GitLab CI job: the one yaml block whose single job has a `script`."""
    jobs = [job for b in yaml_blocks() if isinstance(b, dict)
            for job in b.values() if isinstance(job, dict) and "script" in job]
    assert len(jobs) == 1, "docs/ci.md should hold exactly one GitLab CI job"
    return jobs[0]


def is_install(script: str) -> bool:
    """An install step: replaced by the verify under test."""
    return "pip install" in script or "pip wheel" in script


def every_script() -> dict[str, str]:
    """Every piece of shell on the page, named: the marked blocks, the runs, the GitLab script."""
    scripts = {f"ci-step {name}": body for name, body in ci_steps().items()}
    for i, step in enumerate(github_job()["steps"]):
        if "run" in step:
            scripts[f"GitHub step {step.get('name', i)}"] = step["run"]
    scripts["GitLab script"] = "\n".join(gitlab_job()["script"]) + "\n"
    return scripts


# --- the scratch repository and the runners -----------------------------------------------------

def base_env(tmp: Path) -> dict[str, str]:
    """A clean environment: the verify under test first on PATH, no user git config, UTF-8."""
    home = tmp / "home"
    home.mkdir(exist_ok=True)
    return {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', os.defpath)}",
        "HOME": str(home), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TMPDIR": str(tmp),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "夜班编辑", "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "夜班编辑", "GIT_COMMITTER_EMAIL": "desk@example.org",
        # solved formulas stay cached where the rest of the suite keeps them: fast runs
        "VERIFY_CACHE_DIR": os.environ.get("VERIFY_CACHE_DIR", str(Path.home() / ".cache" / "verify")),
    }


def git(repo: Path, env: dict, *args: str) -> str:
    """Run git in the scratch repository; its stdout."""
    done = subprocess.run([GIT, *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit(repo: Path, env: dict, files: dict[str, str], delete=(), message="change") -> str:
    """Write (and delete) files, commit them all; the new commit's sha."""
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name in delete:
        (repo / name).unlink()
    git(repo, env, "add", "-A")
    git(repo, env, "commit", "-q", "-m", message)
    return git(repo, env, "rev-parse", "HEAD").strip()


def scratch_repo(tmp: Path, env: dict, change: dict[str, str], delete=()) -> tuple[Path, str]:
    """A repository on `main` with the base commit and one change on top; (folder, base sha)."""
    repo = tmp / "copy"
    repo.mkdir()
    git(repo, env, "init", "-q")
    git(repo, env, "checkout", "-q", "-b", "main")
    base = commit(repo, env, BASE_FILES, message="base")
    git(repo, env, "checkout", "-q", "-b", "pr")
    commit(repo, env, change, delete=delete, message="the pull request")
    return repo, base


@dataclass
class Step:
    """What one step did: outcome (success | failure | skipped), exit code and output."""

    name: str
    outcome: str
    code: int | None = None
    stdout: str = ""
    stderr: str = ""
    outputs: dict[str, str] = field(default_factory=dict)


def bash(script: str, cwd: Path, env: dict, tmp: Path) -> subprocess.CompletedProcess:
    """Run a script as GitHub's `shell: bash` and GitLab's bash do: bash -eo pipefail FILE."""
    path = tmp / f"step-{len(list(tmp.glob('step-*')))}.sh"
    path.write_text(script, encoding="utf-8")
    return subprocess.run([BASH, "--noprofile", "--norc", "-eo", "pipefail", str(path)],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=60)


def expression_values(values: dict, context: dict[str, str]) -> dict[str, str]:
    """An `env:` mapping with each `${{ expr }}` replaced, as the runner does; unknown ones fail."""
    def value(match: re.Match) -> str:
        expr = match.group(1).strip()
        if expr not in context:
            pytest.fail(f"docs/ci.md uses ${{{{ {expr} }}}}, which this test does not know how to set")
        return context[expr]
    return {key: re.sub(r"\$\{\{(.*?)\}\}", value, str(text)) for key, text in (values or {}).items()}


def condition_holds(condition, steps: dict[str, Step], failed: bool) -> bool:
    """A step's `if:` as the runner reads the forms the page uses; anything else fails the test."""
    terms = [t.strip() for t in re.sub(r"^\$\{\{|\}\}$", "", str(condition or "")).split("&&") if t.strip()]
    if "always()" not in terms and failed:
        return False                     # the implicit success()
    for term in terms:
        if term == "always()":
            continue
        m = re.fullmatch(r"steps\.([\w-]+)\.(outcome|outputs\.[\w-]+)\s*(==|!=)\s*'([^']*)'", term)
        if not m:
            pytest.fail(f"the test cannot evaluate the condition {term!r} of docs/ci.md")
        step_id, what, op, expected = m.groups()
        step = steps.get(step_id)
        actual = "" if step is None else (step.outcome if what == "outcome" else step.outputs.get(what[8:], ""))
        if (actual == expected) != (op == "=="):
            return False
    return True


def run_github(repo: Path, env: dict, tmp: Path, base_sha: str) -> list[Step]:
    """The workflow's job, step by step: `uses:` steps are the runner's, install steps are ours."""
    workflow, job = github_workflow(), github_job()
    runner_temp = tmp / "runner-temp"
    shutil.rmtree(runner_temp, ignore_errors=True)
    runner_temp.mkdir()
    context = {"github.event.pull_request.base.sha": base_sha}
    done: list[Step] = []
    by_id: dict[str, Step] = {}
    for i, step in enumerate(job["steps"]):
        name = step.get("name") or step.get("uses") or f"step {i}"
        failed = any(s.outcome == "failure" for s in done)
        if not condition_holds(step.get("if"), by_id, failed):
            result = Step(name, "skipped")
        elif "uses" in step or is_install(step["run"]):
            result = Step(name, "success")           # checkout, setup-python, upload: the runner's
        else:
            output = runner_temp / f"output-{i}"
            output.touch()
            step_env = {**env, "GITHUB_OUTPUT": str(output), "RUNNER_TEMP": str(runner_temp),
                        "GITHUB_WORKSPACE": str(repo), "GITHUB_ACTIONS": "true", "CI": "true",
                        **expression_values(workflow.get("env"), context),
                        **expression_values(job.get("env"), context),
                        **expression_values(step.get("env"), context)}
            proc = bash(step["run"], repo, step_env, tmp)
            outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if "=" in line)
            result = Step(name, "success" if proc.returncode == 0 else "failure", proc.returncode,
                          proc.stdout, proc.stderr, outputs)
        done.append(result)
        if "id" in step:
            by_id[step["id"]] = result
    return done


def run_gitlab(repo: Path, env: dict, tmp: Path, base_sha: str) -> subprocess.CompletedProcess:
    """The GitLab job's script lines in one bash, as the runner does, without the install line."""
    job = gitlab_job()
    lines = [line for line in job["script"] if not is_install(line)]
    job_env = {**env, **{k: str(v) for k, v in job.get("variables", {}).items()},
               "CI": "true", "GITLAB_CI": "true", "CI_PIPELINE_SOURCE": "merge_request_event",
               "CI_MERGE_REQUEST_DIFF_BASE_SHA": base_sha, "CI_PROJECT_DIR": str(repo)}
    return bash("\n".join(lines) + "\n", repo, job_env, tmp)


def by_name(steps: list[Step], name: str) -> Step:
    """The step of that name."""
    (step,) = [s for s in steps if s.name == name]
    return step


def injected(tmp: Path) -> list[Path]:
    """Files the hostile names would have created, anywhere in the scratch area."""
    return [p for p in tmp.rglob("*") if p.name in INJECTED]


def unescape_annotation(value: str) -> str:
    """A workflow-command property value, decoded as the Actions runner decodes it."""
    for code, char in (("%0A", "\n"), ("%0D", "\r"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


def annotated_files(stdout: str) -> set[str]:
    """The files named by `::error file=…` (and warning, notice) annotations."""
    return {unescape_annotation(m) for m in re.findall(r"^::(?:error|warning|notice) file=([^,:]*)", stdout, flags=re.M)}


def sarif_files(path: Path) -> set[str]:
    """The files a SARIF log has results for."""
    log = json.loads(path.read_text(encoding="utf-8"))
    return {unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            for run in log["runs"] for r in run["results"]}


def junit_files(path: Path) -> set[str]:
    """The files a JUnit report has a test suite for."""
    return {suite.get("name") for suite in ET.parse(path).getroot().iter("testsuite")}


# --- the scenario, run once for the module ------------------------------------------------------

@dataclass
class Scenario:
    """A pull request checked by both jobs, the baseline written, and both jobs run again."""

    tmp: Path
    repo: Path
    github_first: list[Step]
    sarif_first: set[str]
    gitlab_first: subprocess.CompletedProcess
    junit_first: set[str]
    baseline_step: subprocess.CompletedProcess
    github_second: list[Step]
    gitlab_second: subprocess.CompletedProcess


@pytest.fixture(scope="module")
def scenario(tmp_path_factory) -> Scenario:
    if BASH is None or GIT is None:
        pytest.skip(f"docs/ci.md's jobs are bash scripts over git: bash={BASH}, git={GIT}")
    tmp = tmp_path_factory.mktemp("ci-docs")
    env = base_env(tmp)
    repo, base = scratch_repo(tmp, env, CHANGED_FILES, delete=["issues/旧稿.txt"])
    github_first = run_github(repo, env, tmp, base)
    sarif_first = sarif_files(repo / "verify.sarif") if (repo / "verify.sarif").exists() else set()
    gitlab_first = run_gitlab(repo, env, tmp, base)
    junit_first = junit_files(repo / "verify-junit.xml") if (repo / "verify-junit.xml").exists() else set()
    steps = ci_steps()
    assert "write-baseline" in steps, "docs/ci.md has no <!-- ci-step: write-baseline --> block"
    baseline_step = bash(steps["write-baseline"], repo, env, tmp)
    return Scenario(tmp, repo, github_first, sarif_first, gitlab_first, junit_first, baseline_step,
                    run_github(repo, env, tmp, base), run_gitlab(repo, env, tmp, base))


def report(steps: list[Step]) -> str:
    """Every step's outcome and output, for a failing assertion."""
    return "\n".join(f"{s.name}: {s.outcome} ({s.code})\n{s.stdout}{s.stderr}" for s in steps)


# --- the page's shape ---------------------------------------------------------------------------

def test_no_expression_is_pasted_into_a_run_script():
    for step in github_job()["steps"]:
        assert "${{" not in step.get("run", ""), f"{step.get('name')}: ${{{{ }}}} inside run: is injection"


def test_the_workflow_grants_what_upload_sarif_needs():
    permissions = {**github_workflow().get("permissions", {}), **github_job().get("permissions", {})}
    assert permissions.get("security-events") == "write"
    assert permissions.get("actions") == "read"       # private repositories
    assert permissions.get("contents") == "read"


def test_no_install_step_uses_the_package_index_name():
    for name, script in every_script().items():
        assert not re.search(r"pip install\s+['\"]?newsroom-verify\b", script), f"{name}: not on PyPI"
    installs = [s for s in every_script().values() if is_install(s)]
    assert len(installs) >= 3 and all(re.search(r"git\+|\.whl|\./", s) for s in installs)


def test_the_exit_codes_are_documented():
    section = re.search(r"## Exit codes\n(.*?)\n## ", DOC, flags=re.S)
    assert section, "docs/ci.md has no '## Exit codes' section"
    table = section.group(1)
    assert {int(code) for code in re.findall(r"^\| (\d+) \|", table, flags=re.M)} == {0, 1, 2, 3, 130}


@needs_shell
@pytest.mark.parametrize("name", sorted(every_script()))
def test_every_script_is_valid_bash(name, tmp_path):
    proc = subprocess.run([BASH, "-n"], input=every_script()[name], capture_output=True, text=True)
    assert proc.returncode == 0, f"{name}: {proc.stderr}"


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed (apt-get install shellcheck)")
@pytest.mark.parametrize("name", sorted(every_script()))
def test_every_script_passes_shellcheck(name):
    proc = subprocess.run(["shellcheck", "--shell=bash", "-"], input=every_script()[name], capture_output=True, text=True)
    assert proc.returncode == 0, f"{name}:\n{proc.stdout}"


# --- the jobs, run ------------------------------------------------------------------------------

def test_the_hostile_names_would_run_if_pasted_into_a_script(tmp_path):
    """The control: the names do run when pasted the old way, so their silence below means something."""
    if BASH is None:
        pytest.skip("bash is not installed")
    pasted = " ".join(name for name in CHANGED_FILES if "PWNED" in name)
    bash(f"true {pasted}\n", tmp_path, base_env(tmp_path), tmp_path)
    assert {p.name for p in injected(tmp_path)} == INJECTED


def test_nothing_in_the_names_is_executed(scenario):
    assert injected(scenario.tmp) == []


def test_github_checks_every_changed_txt_file_and_nothing_else(scenario):
    steps = scenario.github_first
    assert by_name(steps, "Changed copy").outputs == {"any": "true"}, report(steps)
    assert by_name(steps, "SARIF report").outcome == "success", report(steps)
    assert scenario.sarif_first == set(CHANGED_FILES)
    assert annotated_files(by_name(steps, "Gate").stdout) == set(CHANGED_FILES)


def test_github_gate_fails_on_the_planted_error_and_says_the_baseline_is_missing(scenario):
    gate = by_name(scenario.github_first, "Gate")
    assert gate.code == 1, report(scenario.github_first)
    assert "::notice::no verify-baseline.json" in gate.stdout
    errors = re.findall(r"^::error file=([^,]*)", gate.stdout, flags=re.M)
    assert [unescape_annotation(e) for e in errors] == [PLANTED_FILE]
    upload = by_name(scenario.github_first, "github/codeql-action/upload-sarif@v3")
    assert upload.outcome == "success"           # runs after the failed gate


def test_gitlab_checks_every_changed_txt_file_and_fails_on_the_planted_error(scenario):
    assert scenario.gitlab_first.returncode == 1, scenario.gitlab_first.stdout + scenario.gitlab_first.stderr
    assert scenario.junit_first == set(CHANGED_FILES)
    assert "no verify-baseline.json" in scenario.gitlab_first.stdout


def test_the_baseline_step_works_and_then_both_jobs_pass(scenario):
    step = scenario.baseline_step
    assert step.returncode == 0, step.stdout + step.stderr
    baseline = json.loads((scenario.repo / "verify-baseline.json").read_text(encoding="utf-8"))
    assert any(f["rule"] == "share-above-100" for f in baseline["findings"])
    assert "verify-baseline.json" in subprocess.run(
        [GIT, "ls-files"], cwd=scenario.repo, capture_output=True, text=True, check=True).stdout
    second = scenario.github_second
    assert [s.outcome for s in second] == ["success"] * len(second), report(second)
    assert "no verify-baseline.json" not in by_name(second, "Gate").stdout
    assert scenario.gitlab_second.returncode == 0, scenario.gitlab_second.stdout + scenario.gitlab_second.stderr


@needs_shell
def test_a_change_without_txt_files_skips_the_checks(tmp_path):
    env = base_env(tmp_path)
    repo, base = scratch_repo(tmp_path, env, {"notes.md": "改了说明\n"}, delete=["issues/旧稿.txt"])
    steps = run_github(repo, env, tmp_path, base)
    assert by_name(steps, "Changed copy").outputs == {"any": "false"}, report(steps)
    assert {s.name: s.outcome for s in steps if s.outcome == "skipped"} == {
        "SARIF report": "skipped", "Gate": "skipped", "github/codeql-action/upload-sarif@v3": "skipped"}
    gitlab = run_gitlab(repo, env, tmp_path, base)
    assert gitlab.returncode == 0 and "no changed .txt file" in gitlab.stdout, gitlab.stderr


def test_the_pre_commit_hook_reads_a_dash_name_as_a_file(tmp_path):
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    names = ["-版面.txt", "x$(touch PWNED).txt"]
    for name in names:
        (tmp_path / name).write_text(INFO, encoding="utf-8")
    verify = Path(sys.executable).parent / "verify"
    argv = [str(verify), *shlex.split(hook["entry"])[1:], *hook.get("args", []), *names]
    proc = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, env=base_env(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert all(name in proc.stdout for name in names)
    assert injected(tmp_path) == []
