"""Settings: the environment and the --no-cache flag, read once."""

from __future__ import annotations

from pathlib import Path

from tuireader.settings import Settings


def test_defaults_from_an_empty_environment() -> None:
    assert Settings.from_env({}) == Settings()


def test_every_variable_is_read() -> None:
    settings = Settings.from_env(
        {
            "TUIREADER_NO_CACHE": "1",
            "TUIREADER_CACHE_DIR": "/tmp/tr-cache",
            "TUIREADER_CACHE_VERSION": "bench-1",
            "TUIREADER_WORKERS": "3",
            "TUIREADER_FETCH_TIMEOUT": "2.5",
            "TUIREADER_CONFIG_DIR": "/tmp/tr-config",
        }
    )
    assert settings == Settings(
        no_cache=True,
        cache_dir=Path("/tmp/tr-cache"),
        cache_version="bench-1",
        workers=3,
        fetch_timeout=2.5,
        config_dir=Path("/tmp/tr-config"),
    )


def test_unusable_values_fall_back_to_the_defaults() -> None:
    unusable = {"TUIREADER_WORKERS": "many", "TUIREADER_FETCH_TIMEOUT": "-1", "TUIREADER_NO_CACHE": ""}
    settings = Settings.from_env(unusable)
    assert (settings.workers, settings.fetch_timeout, settings.no_cache) == (None, None, False)
    assert Settings.from_env({"TUIREADER_WORKERS": "0"}).workers == 1  # at least one process


def test_the_flag_turns_the_cache_off_whatever_the_environment() -> None:
    assert Settings.from_env({}, no_cache=True).no_cache
