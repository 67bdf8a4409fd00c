"""Configuration: packaged defaults, a user file, environment variables, then CLI flags.

Each layer overrides only the keys it names; a key that the defaults do not know is an error (it is
almost always a typo). The resolved configuration is stored with every run.
"""

from __future__ import annotations

import copy
import json
import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from chronik.errors import ConfigError

Config = dict[str, dict[str, Any]]
ENV_PREFIX = "CHRONIK_"


def defaults() -> Config:
    text = resources.files("chronik").joinpath("resources/defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _merge(base: Config, override: dict[str, Any], origin: str) -> None:
    for section, values in override.items():
        if section not in base:
            raise ConfigError(f"unknown config section [{section}] in {origin}; known: {sorted(base)}")
        if not isinstance(values, dict):
            raise ConfigError(f"[{section}] in {origin} must be a table of keys")
        for key, value in values.items():
            if key not in base[section]:
                raise ConfigError(
                    f"unknown config key {section}.{key} in {origin}; known: {sorted(base[section])}"
                )
            expected = type(base[section][key])
            if expected is float and isinstance(value, int):
                value = float(value)
            if not isinstance(value, expected):
                raise ConfigError(
                    f"config key {section}.{key} in {origin} must be {expected.__name__}, got {value!r}"
                )
            base[section][key] = value


def _from_env(base: Config) -> dict[str, Any]:
    out: dict[str, dict[str, Any]] = {}
    for name, raw in os.environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX):].lower().partition("__")
        try:
            value: Any = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        if section in base and key in base[section] and isinstance(base[section][key], str):
            value = raw
        out.setdefault(section, {})[key] = value
    return out


def user_config_path() -> Path | None:
    if os.environ.get("CHRONIK_CONFIG"):
        return Path(os.environ["CHRONIK_CONFIG"])
    home = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "chronik" / "config.toml"
    return home if home.is_file() else None


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Resolve the configuration: defaults < user file < environment < overrides."""
    cfg = copy.deepcopy(defaults())
    file = Path(path) if path else user_config_path()
    if file is not None:
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {file} does not exist") from None
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"config file {file} is not valid TOML: {e}") from None
        _merge(cfg, data, str(file))
    _merge(cfg, _from_env(cfg), "the environment")
    if overrides:
        _merge(cfg, overrides, "the command line")
    return cfg
