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
