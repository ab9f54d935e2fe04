"""The parsed-YAML cache (verify/yaml_data.py): the data it gives back is what safe_load gives, a
warm run imports no PyYAML, and a damaged cache only costs a parse."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest
import yaml

from conftest import REPO
from verify import user_cache, yaml_data
from verify.errors import YamlError

PACKAGE_YAML = sorted([*(REPO / "rules").rglob("*.yaml"), *(REPO / "verify").rglob("*.yaml")])


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder, and the module's memory of earlier parses cleared."""
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(yaml_data, "_known", {})
    monkeypatch.setattr(yaml_data, "_loaded", False)
    monkeypatch.setattr(yaml_data, "_dirty", False)
    return tmp_path


def _forget():
    yaml_data._known.clear()
    yaml_data._loaded = False


def test_every_yaml_file_of_the_package_reads_as_safe_load_reads_it_parsed_and_cached(fresh_cache):
    assert len(PACKAGE_YAML) > 40
    texts = [path.read_text(encoding="utf-8") for path in PACKAGE_YAML]
    parsed = [yaml_data.parse(text) for text in texts]
    yaml_data.save()
    _forget()
    cached = [yaml_data.parse(text) for text in texts]
    assert not yaml_data._dirty                      # every one came from the file written above
    for text, first, again in zip(texts, parsed, cached):
        assert first[0] == again[0] == yaml.safe_load(text)
        assert first[1] == again[1]


def test_dates_come_back_as_dates_and_unkeepable_data_is_parsed_each_time(fresh_cache):
    text = "date: 2022-11-04\nnote: '2022-11-04'\n"
    yaml_data.parse(text)
    odd = "1: one\n2: two\n"                          # whole-number keys: JSON would make them text
    assert yaml_data.parse(odd)[0] == {1: "one", 2: "two"}
    yaml_data.save()
    _forget()
    assert yaml_data.parse(text)[0] == {"date": datetime.date(2022, 11, 4), "note": "2022-11-04"}
    assert len(json.loads(user_cache.cache_file(yaml_data._TAG).read_text(encoding="utf-8"))) == 1


def test_a_damaged_cache_costs_only_a_parse(fresh_cache):
    user_cache.cache_file(yaml_data._TAG).write_text("{not json", encoding="utf-8")
    assert yaml_data.parse("a: 1\n")[0] == {"a": 1}


def test_errors_carry_the_line_whether_or_not_the_cache_is_warm(fresh_cache):
    with pytest.raises(YamlError) as caught:
        yaml_data.parse("a: 1\nb: [\n")
    assert caught.value.marked and caught.value.line and caught.value.kind.endswith("Error")
    with pytest.raises(YamlError) as aliased:
        yaml_data.parse("a: &x 1\nb: *x\n")
    assert aliased.value.line == 1 and "aliases" in aliased.value.problem


def test_a_warm_run_imports_no_yaml(tmp_path):
    report = tmp_path / "line.txt"
    report.write_text("全市引进集聚人才22.78万人。\n", encoding="utf-8")
    code = ("import sys; from verify.cli import main; main(['--format', 'json', sys.argv[1]]); "
            "sys.stderr.write('yaml' if 'yaml' in sys.modules else 'none')")
    env = {"VERIFY_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    runs = [subprocess.run([sys.executable, "-c", code, str(report)], capture_output=True, text=True, env=env,
                           timeout=120).stderr for _ in range(2)]
    assert runs == ["yaml", "none"]
