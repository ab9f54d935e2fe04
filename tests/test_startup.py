"""Start-up: what makes a run start fast is tested here, never its timing (that is
benchmarks/speed.py's): the patterns' text is the same in every process, so it can be cached; the
built-in rules' solved formulas ship with the package, so a fresh install whose home and cache
cannot be written never imports sympy.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest

from conftest import REPO, SAMPLE
from verify import regexes
from verify.loaders import builtin_solved_forms
from verify.rules.formula import cache

PATTERN_TEXTS = textwrap.dedent("""\
    import hashlib
    from verify.loaders import load_rules
    from verify.reading.figure_pattern import master_pattern
    texts = [master_pattern().pattern]
    for rule in load_rules():
        texts.append(rule.pattern.regex.pattern)
        texts.append(rule.pattern.anchor.pattern if rule.pattern.anchor else "")
    print(hashlib.sha256("\\x00".join(texts).encode("utf-8")).hexdigest())
""")


def _pattern_digest(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", PATTERN_TEXTS], cwd=REPO, env=env,
                          capture_output=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_patterns_are_the_same_under_two_hash_seeds():
    """Words of one length keep text order, not set order: the master pattern can be cached."""
    assert _pattern_digest("1") == _pattern_digest("2")


def test_shipped_solved_forms_are_up_to_date():
    """solved.json holds every built-in formula, solved as sympy solves it now."""
    expected = cache.shipped_text(builtin_solved_forms())
    assert cache.SHIPPED.read_text(encoding="utf-8") == expected, (
        "a built-in formula changed: python -m verify.loaders --write-solved-forms")


NO_SYMPY_PROBE = textwrap.dedent("""\
    import sys
    from verify.cli import main
    code = main(["--format", "json", sys.argv[1]])
    assert "sympy" not in sys.modules, "sympy was imported"
    sys.exit(code)
""")


def test_fresh_install_with_read_only_home_never_imports_sympy(tmp_path):
    """No cache to read and none that can be written (as root too: the cache folder's parent is a
    file): the shipped solved forms are enough, and nothing is written."""
    home = tmp_path / "home"
    home.mkdir()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("VERIFY_CACHE_DIR", "XDG_CACHE_HOME")}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(blocker / "cache"), PYTHONIOENCODING="utf-8")
    home.chmod(0o555)
    try:
        done = subprocess.run([sys.executable, "-c", NO_SYMPY_PROBE, str(SAMPLE)], cwd=tmp_path, env=env,
                              capture_output=True, encoding="utf-8", timeout=120)
    finally:
        home.chmod(0o755)
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(done.stdout)["summary"]["files"] == 1
    assert list(home.iterdir()) == []


REGEX_PROBE = textwrap.dedent("""\
    import re, sys
    from verify import regexes
    pattern = sys.argv[1]
    fresh = re.compile(pattern)
    kept = regexes.compile(pattern)
    text = "截至10月底，全市城镇新增就业33.88万人，完成全年计划的96.8%。"
    assert [m.groupdict() for m in kept.finditer(text)] == [m.groupdict() for m in fresh.finditer(text)]
    assert (kept.groups, kept.groupindex, kept.flags) == (fresh.groups, fresh.groupindex, fresh.flags)
    regexes.save()
""")


def test_kept_patterns_match_as_compiled_ones(tmp_path):
    """A pattern from the cache of compiled patterns behaves as re.compile's, in a later run too;
    a damaged cache is ignored."""
    env = {**os.environ, "VERIFY_CACHE_DIR": str(tmp_path)}
    pattern = r"(?P<n>\d+(?:\.\d+)?)(?P<u>万人|%)|(?P<w>[一二三四五六七八九十]+)"
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", REGEX_PROBE, pattern], env=env, capture_output=True,
                              encoding="utf-8", timeout=60)
        assert done.returncode == 0, done.stderr
    cache_files = list(tmp_path.glob("regex-*.json"))
    assert len(cache_files) == 1 and f"0:{pattern}" in json.loads(cache_files[0].read_text(encoding="utf-8"))
    cache_files[0].write_text(cache_files[0].read_text(encoding="utf-8").replace("[", "[9999,"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", REGEX_PROBE, pattern], env=env, capture_output=True,
                          encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("pattern, first", [
    ("abc", "[a]"), ("(?:a|b)c", "[ab]"), ("a?b", "[ab]"), ("(?<=x)[0-9]+", "[0-9]"), (r"\d+", r"[\d]"),
    ("x*(?=z)y", "[xy]"), ("(?P<A>q)?(?(A)r|s)", "[qrs]"), ("(?>ab|c)", "[ac]"),
    ("(?:x)?", None), ("(a)?", None), (".x", None), ("[^a]", None), ("(?i)a", None), ("(?i:a)b", None),
])
def test_first_characters_of_a_pattern(pattern, first):
    """The class of characters a match can start with, or None when a match may be empty or start
    anywhere: put before an alternative, it keeps every match."""
    assert regexes.first_chars(pattern) == first


def test_guarded_master_pattern_finds_the_same_matches(monkeypatch):
    """The reader's master pattern, each alternative behind its first characters, matches as the
    same pattern without them."""
    from verify.reading import figure_pattern
    guarded = figure_pattern.master_pattern()
    monkeypatch.setattr(regexes, "first_chars", lambda pattern: None)
    plain = figure_pattern.master_pattern.__wrapped__()
    assert plain.pattern != guarded.pattern
    text = SAMPLE.read_text(encoding="utf-8")
    assert [(m.span(), m.lastgroup) for m in guarded.finditer(text)] == [(m.span(), m.lastgroup) for m in plain.finditer(text)]


def test_a_word_tree_matches_as_the_words_longest_first():
    """compile_alternation writes words as a tree of their beginnings; in any pattern around it,
    backtracking included, it finds what the flat alternation longest first finds."""
    import random
    from verify.reading.numerals import compile_alternation
    assert compile_alternation(["上海", "上午", "上", "中国", "中央"]) == "上(?:午|海)?|中(?:国|央)"
    rng = random.Random(20221104)
    for _ in range(500):
        words = ["".join(rng.choice("abc") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 8))]
        flat = "|".join(sorted(set(words), key=lambda w: (-len(w), w)))
        text = "".join(rng.choice("abcd") for _ in range(30))
        for around in ("(?:{})", "(?:{})d", "(?:{})(?!b)", "(?:{})c$", "(?:{})+b"):
            assert [m.span() for m in re.finditer(around.format(compile_alternation(words)), text)] \
                == [m.span() for m in re.finditer(around.format(flat), text)]


@pytest.mark.parametrize("pattern, reach", [
    (r"\d", 0), (r"ab\d", 2), (r"(?:约|大约)?\d+", 2), (r"a{0,3}\d", 3), ("(?<=x)一", 0), ("(?:一x|y二)", 1),
    ("(?P<a>x)?(?(a)一|二)", 1), ("[一二]b", 0), ("(?>ab|c)[0-9]", 2), (r".\d", 1), ("x?(?:ab)?一", 3), ("(?:ab一)+", 2),
    ("abc", None), (r"a*\d", None), ("(?:一x|yy)", None), ("[一a]", None), ("(?:a一)*", None), (r"(?i)a\d", None),
])
def test_how_far_before_an_anchor_a_match_can_start(pattern, reach):
    """The most characters before the first digit, 一 or 二 of a match; None when a match may hold none."""
    assert regexes.anchor_reach(pattern, r"\d一二") == reach


@pytest.mark.parametrize("pattern, markers, lookahead", [
    (r"\d{1,2}月", "月", r"(?=[\d]{0,2}[月])"), (r"\d+(?:\s?:\d+)+", ":", r"(?=[\d\s]*[:])"), ("月", "月", "(?=[月])"),
    (r".{0,3}年", "年", "(?=[^年]{0,3}[年])"), (r"\d+月?", "月", ""), (r".*年", "年", ""),
])
def test_a_marker_every_match_holds_near_its_start(pattern, markers, lookahead):
    """The lookahead of what comes before a marker every match holds; none when a match may hold none."""
    assert regexes.needs(pattern, markers) == lookahead


def test_master_pattern_without_its_marker_lookaheads_finds_the_same_matches(monkeypatch):
    """The calendar, score and fraction alternatives behind a scan for their marker (月, :, 分之)
    match as without it."""
    from verify.reading import figure_pattern
    marked = figure_pattern.master_pattern()
    monkeypatch.setattr(figure_pattern, "_MARKERS", {})
    plain = figure_pattern.master_pattern.__wrapped__()
    assert plain.pattern != marked.pattern
    text = SAMPLE.read_text(encoding="utf-8") + "比分3 : 1，3∶2，三分之一，1/3，2022-11-04，下午2:30—4:00，8时30分，1—10月，前10月，1998—2002年"
    assert [(m.span(), m.lastgroup) for m in marked.finditer(text)] == [(m.span(), m.lastgroup) for m in plain.finditer(text)]


def test_rule_patterns_searched_near_their_words_find_the_same_matches():
    """A rule pattern is searched on a line only from as far before each first character of its
    required words as a match can start (CompiledPattern.near): the matches finditer finds."""
    import dataclasses
    from verify.checking.matching import _line_matches
    from verify.loaders import load_rules
    from verify.checking.masking import mask
    from verify.reading.document import Document
    from verify.reading.reader import read_quantities
    doc = Document("<t>", SAMPLE.read_text(encoding="utf-8") + "\n第一产业增加值占国内生产总值比重为7.1%，第二产业增加值比重为39.0%，第三产业增加值比重为53.9%。")
    text = mask(doc, read_quantities(doc)).text
    found = 0
    near = [rule.pattern for rule in load_rules() if getattr(rule, "pattern", None) is not None and rule.pattern.near]
    assert any(pattern.near[1] >= 20 for pattern in near)
    for pattern in near:
        for line in re.finditer(r"[^\n]+", text):
            spans = [m.span() for m in _line_matches(pattern, text, line.start(), line.end())]
            plain = dataclasses.replace(pattern, near=None)
            assert spans == [m.span() for m in _line_matches(plain, text, line.start(), line.end())]
            found += len(spans)
    assert found > 10


def test_master_pattern_searched_from_its_anchors_finds_the_same_matches():
    """The reader searches the master pattern only from a few characters before each digit or
    numeral (figure_pattern.anchors): the same matches as a search of every place."""
    from verify.reading import figure_pattern
    from verify.reading.reader import _next_match
    pattern, anchored = figure_pattern.master_pattern(), figure_pattern.anchors()
    assert anchored is not None and anchored[1] <= 6
    text = SAMPLE.read_text(encoding="utf-8") + "半导体一流，双循环3个，面对面5次，周日，礼拜天，不少于+5，零下3度"
    for way in (None, anchored):
        found, pos = [], 0
        while (m := _next_match(pattern, way, text, pos)) is not None:
            found.append((m.span(), m.lastgroup))
            pos = max(m.end(), pos + 1)
        if way is None:
            plain = found
    assert found == plain and len(found) > 100


@pytest.mark.parametrize("pattern, guarded", [
    ("(?<![0-9])[一二]+[0-9]", "(?=[一二])(?:(?<![0-9])[一二]+[0-9])"),
    (r"\d+年", r"(?=[\d])(?:\d+年)"),
    ("比上年[0-9]", "比上年[0-9]"), ("[一二]x", "[一二]x"), ("(?:比重|占比)", "(?:比重|占比)"),
    ("(?<!x).y", "(?<!x).y"),
])
def test_a_pattern_is_guarded_only_where_re_would_try_every_place(pattern, guarded):
    """A guard where re has no first character to look for; none where it has one (it would only
    hide the character from re's own search)."""
    assert regexes.guarded(pattern) == guarded


DERIVED_PROBE = textwrap.dedent("""\
    import sys
    from verify import regexes
    print(regexes.guarded(sys.argv[1]), regexes.first_chars(sys.argv[1]))
    regexes.save()
""")


def test_damaged_derived_entries_are_worked_out_again(tmp_path):
    """A kept guard or first-character class of the wrong shape is not used: worked out again."""
    env = {**os.environ, "VERIFY_CACHE_DIR": str(tmp_path)}
    pattern = "(?<![0-9])[一二]+[0-9]"

    def run():
        return subprocess.run([sys.executable, "-c", DERIVED_PROBE, pattern], env=env, capture_output=True,
                              encoding="utf-8", timeout=60)
    first = run()
    assert first.returncode == 0 and first.stdout.split() == [f"(?=[一二])(?:{pattern})", "[一二]"], first.stderr
    cache_file = next(tmp_path.glob("regex-*.json"))
    kept = json.loads(cache_file.read_text(encoding="utf-8"))
    kept[f"guard:{pattern}"], kept[f"first:{pattern}"] = [123], ["一二"]
    cache_file.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    assert run().stdout == first.stdout


def test_derived_values_leave_room_for_compiled_patterns(monkeypatch):
    """Derived values are bounded apart from compiled patterns: many lookups' guards never keep a
    rule's compiled pattern out of the cache."""
    monkeypatch.setattr(regexes, "_known", {})
    monkeypatch.setattr(regexes, "_loaded", True)
    monkeypatch.setattr(regexes, "_derived_kept", 0)
    monkeypatch.setattr(regexes, "_MAX_PATTERNS", 2)
    monkeypatch.setattr(regexes, "_dirty", False)
    for word in ("甲", "乙", "丙"):
        regexes.guarded(f"(?<!x){word}+")
    assert regexes._derived_kept == 2
    regexes.compile("丁+")
    assert "0:丁+" in regexes._known


def test_a_cache_under_a_file_is_not_writable(tmp_path):
    """regexes keeps no code (a second compile each) where its cache cannot be written."""
    from verify import user_cache
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    assert user_cache.writable(tmp_path / "new" / "cache.json")
    assert not user_cache.writable(blocker / "cache" / "cache.json")


def test_a_cache_written_keeps_what_the_run_used_and_as_many_of_the_newest_others():
    """user_cache.trimmed: entries no run of this version reads do not pile up (a shared cache had
    grown to five times what a run needs, 0.04 s more at every start); the newest of the others
    stay, up to as many bytes as the run used, for another version or mode in use beside it."""
    from verify import user_cache
    entries = {key: [key] for key in "abcdefgh"}   # in the order they were added: a the oldest
    assert list(user_cache.trimmed(entries, {"b", "g"})) == ["b", "f", "g", "h"]
    assert user_cache.trimmed(entries, set(entries)) == entries
    assert list(user_cache.trimmed({"a": 1, "b": 2}, {"b", "z"})) == ["a", "b"]
    assert list(user_cache.trimmed({"a": [1], "b": ["x" * 50], "c": [2]}, {"c"})) == ["c"]   # b would not fit


@pytest.mark.parametrize("slots", [False, True])
def test_records_stay_frozen_as_dataclasses_makes_them(slots):
    """frozen.record's __setattr__ and __delattr__ (made without compiling on 3.11 and 3.12) refuse
    what dataclass(frozen=True) refuses, with the same errors."""
    import dataclasses
    from verify.frozen import record

    class Mine:
        a: int
        b: str = "x"

    class Theirs:
        a: int
        b: str = "x"
    Mine.__annotations__ = Theirs.__annotations__ = {"a": "int", "b": "str"}
    mine = record(Mine, slots=slots)(1)
    theirs = dataclasses.dataclass(Theirs, frozen=True, slots=slots)(1)
    errors = []
    for obj in (mine, theirs):
        for action in (lambda: setattr(obj, "a", 2), lambda: setattr(obj, "c", 2), lambda: delattr(obj, "b")):
            with pytest.raises((dataclasses.FrozenInstanceError, AttributeError, TypeError)) as caught:
                action()
            errors.append((type(caught.value), str(caught.value)))
    assert errors[:3] == errors[3:]
    assert (mine.a, mine.b) == (theirs.a, theirs.b) == (1, "x")
