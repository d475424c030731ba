import pytest

from consistency.config import Settings, load_settings
from consistency.errors import ConfigError


def test_pyproject_then_environment(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.consistency]\nthreshold = 0.7\nselect = ["NUM001"]\n'
                                             'store = "data/store.db"\n')
    s = load_settings(tmp_path, env={})
    assert s.threshold == 0.7 and s.select == ("NUM001",)
    assert s.store == str((tmp_path / "data" / "store.db").resolve())
    s = load_settings(tmp_path, env={"CONSISTENCY_THRESHOLD": "0.8", "CONSISTENCY_SAME_DOCUMENT": "yes"})
    assert s.threshold == 0.8 and s.same_document is True


@pytest.mark.parametrize("toml, message", [
    ("[tool.consistency]\nthreshhold = 0.7\n", "unknown setting 'threshhold'"),
    ("[tool.consistency]\nthreshold = 'high'\n", "bad value 'high' for threshold"),
    ("[tool.consistency]\nthreshold = 1.5\n", "threshold must be in (0, 1]"),
    ("[tool.consistency\n", "fix the TOML syntax"),
])
def test_bad_config_is_a_config_error(tmp_path, toml, message):
    (tmp_path / "pyproject.toml").write_text(toml)
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path, env={})
    assert message in str(info.value)


def test_replace_ignores_none_and_validates():
    s = Settings().replace(threshold=None, fail_on="error")
    assert s.threshold == Settings().threshold and s.fail_on == "error"
    with pytest.raises(ConfigError):
        Settings().replace(fail_on="sometimes")


@pytest.mark.parametrize("toml, message", [
    ("lock_timeout = nan", "bad value nan for lock_timeout in"),
    ("lock_timeout = inf", "bad value inf for lock_timeout in"),
    ("threshold = true", "bad value True for threshold in"),
    ("batch_size = 1.7", "bad value 1.7 for batch_size in"),
    ("batch_size = true", "bad value True for batch_size in"),
    ("max_neighbors = 1e400", "bad value inf for max_neighbors"),
    ("batch_size = 100000000000000000000", "batch_size must be from 1 to 65,536"),
    ("same_document = 1", "bad value 1 for same_document in"),
    ("select = [1, 2]", "bad value [1, 2] for select in"),
    ("model = 3", "bad value 3 for model in"),
    ("store = \"a\\u0000b\"", "bad value 'a\\x00b' for store in"),
    ("threshold = [" * 5000 + "]" * 5000, "cannot read"),  # nesting: tomllib fails one way or another
    ("threshold = " + "9" * 5000, "a number with more than 4300 digits"),
])
def test_values_are_never_coerced(tmp_path, toml, message):
    """nan would wait forever, true would become 1.0, 1.7 would become 1: each is an error instead."""
    (tmp_path / "pyproject.toml").write_text("[tool.consistency]\n" + toml + "\n")
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path, env={})
    assert message in str(info.value) and info.value.code == "CNS102"


@pytest.mark.parametrize("name, value", [("LOCK_TIMEOUT", "nan"), ("LOCK_TIMEOUT", "-inf"), ("THRESHOLD", "NaN"),
                                         ("BATCH_SIZE", "1.7"), ("SAME_DOCUMENT", "maybe"), ("MAX_NEIGHBORS", "0")])
def test_environment_values_are_never_coerced(tmp_path, name, value):
    with pytest.raises(ConfigError):
        load_settings(tmp_path, env={f"CONSISTENCY_{name}": value})


def test_whole_numbers_and_numeric_strings_still_work(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.consistency]\nbatch_size = 32.0\nthreshold = 1\n"
                                             "lock_timeout = \"2.5\"\n")
    s = load_settings(tmp_path, env={"CONSISTENCY_MAX_NEIGHBORS": "12"})
    assert (s.batch_size, s.threshold, s.lock_timeout, s.max_neighbors) == (32, 1.0, 2.5, 12)


@pytest.mark.parametrize("option", ["--lock-timeout=nan", "--lock-timeout=inf", "--threshold=nan"])
def test_a_non_finite_option_is_a_one_line_error(run, option):
    result = run("run", "--store", "s.db", "x.md", option)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(("error[CNS102]", "Error: Invalid value")) and "Traceback" not in result.output


def test_a_path_with_a_line_break_is_still_a_one_line_error(run, tmp_path):
    """A baseline path holding a carriage return and a newline (found by the fuzz test of the
    config loader) printed its error over two lines: every line break is folded, not only "\\n"."""
    (tmp_path / "a.md").write_text("The council approved 12 new homes on Monday.\n", encoding="utf-8")
    result = run("check", str(tmp_path / "a.md"), "--baseline", "\r\n")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("error[CNS140]"), line
