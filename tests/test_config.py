"""Settings from fidelity.toml / [tool.fidelity]: found, validated, relative to their file."""

from pathlib import Path

import pytest

from align.config import ConfigError, Settings, find_config, load_settings


def test_defaults_when_no_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert load_settings(tmp_path) == Settings()


def test_fidelity_toml_wins_and_paths_are_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "fidelity.toml").write_text(
        'out = "out"\nencoder = "st:/models/labse"\njobs = 2\nfail_on = "medium"\n'
        'ignore = "known.json"\nmirrors = "http://127.0.0.1:8000"\n'
        "[thresholds]\nmistranslation_z = 3.5\n"
    )
    sub = tmp_path / "posts"
    sub.mkdir()
    settings = load_settings(sub)
    assert settings.out == tmp_path / "out"
    assert settings.ignore == tmp_path / "known.json"
    assert settings.encoder == "st:/models/labse"
    assert settings.jobs == 2 and settings.fail_on == "medium"
    assert settings.mirrors == ("http://127.0.0.1:8000",)
    assert settings.thresholds == {"mistranslation_z": 3.5}


def test_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.fidelity]\noffline = true\njobs = 3\n")
    found = find_config(tmp_path)
    assert found is not None and found[0].name == "pyproject.toml"
    settings = load_settings(tmp_path)
    assert settings.offline is True and settings.jobs == 3


def test_project_root_stops_the_search(tmp_path: Path) -> None:
    (tmp_path / "fidelity.toml").write_text("jobs = 4\n")
    inner = tmp_path / "project"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname = 'other'\n")
    assert load_settings(inner).jobs == Settings().jobs  # the parent folder's 4 is not read


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("jobs = 0\n", "jobs"),
        ('fail_on = "urgent"\n', "fail_on"),
        ("colour = 'red'\n", "unknown setting"),
        ("jobs = [\n", "not valid TOML"),
        ('[thresholds]\nx = "high"\n', "thresholds"),
    ],
)
def test_bad_settings_give_one_line_errors_naming_the_file(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "fidelity.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path)
    message = str(caught.value)
    assert str(path) in message and problem in message and "\n" not in message


def test_default_jobs_follow_the_usable_cores() -> None:
    import os

    from align.config import default_jobs

    assert default_jobs() == max(1, min(len(os.sched_getaffinity(0)), 4))
    assert Settings().jobs == default_jobs()
