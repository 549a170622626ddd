"""Where studylog keeps its data, finds checks and reads its settings (platformdirs, overridable).

database      --db, else $STUDYLOG_DB, else studylog.db in the user data folder
check folders the bundled pack, `checks/` beside the database, `check_paths` in config.toml,
              then $STUDYLOG_CHECK_PATHS (os.pathsep-separated)
config.toml   $STUDYLOG_CONFIG, else config.toml in the user config folder (~/.config/studylog/)
keymap        $STUDYLOG_KEYMAP, else `keymap` in config.toml, else keys.toml beside config.toml
"""

from __future__ import annotations

import os
import tomllib
from importlib.resources import files
from pathlib import Path

from platformdirs import user_config_path, user_data_path

from studylog.errors import StudylogError

APP_NAME = "studylog"
DB_ENV_VAR = "STUDYLOG_DB"
CHECK_PATHS_ENV_VAR = "STUDYLOG_CHECK_PATHS"
CONFIG_ENV_VAR = "STUDYLOG_CONFIG"
KEYMAP_ENV_VAR = "STUDYLOG_KEYMAP"
CHECKS_FOLDER = "checks"
CONFIG_KEYS = {"check_paths", "keymap"}


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The database file: the explicit path, else $STUDYLOG_DB, else the user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    if env := os.environ.get(DB_ENV_VAR):
        return Path(env).expanduser()
    return user_data_path(APP_NAME, appauthor=False) / "studylog.db"


def bundled_questions_dir() -> Path:
    """The question pack shipped with studylog (`questions/` in a checkout)."""
    return Path(str(files("studylog.bank.questions")))


def bundled_references_dir() -> Path:
    """The cited reference tables shipped with studylog (`references/` in a checkout)."""
    return Path(str(files("studylog.bank.references")))


def config_path() -> Path:
    """The settings file: $STUDYLOG_CONFIG, else config.toml in the user config folder (it may not exist)."""
    if env := os.environ.get(CONFIG_ENV_VAR):
        return Path(env).expanduser()
    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def config_dir() -> Path:
    """The folder config.toml is in: the user's other settings (week templates in `templates/`) live beside it."""
    return config_path().parent


def read_config() -> dict:
    """The settings in config.toml ({} when there is none); a bad file raises StudylogError naming it."""
    path = config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, IsADirectoryError):
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise StudylogError(f"{path}: not valid TOML: {exc}") from None
    if unknown := sorted(set(data) - CONFIG_KEYS):
        raise StudylogError(f"{path}: unknown setting '{unknown[0]}' (known: {', '.join(sorted(CONFIG_KEYS))})")
    paths = data.get("check_paths", [])
    if not isinstance(paths, list) or not all(isinstance(p, str) and p for p in paths):
        raise StudylogError(f'{path}: check_paths must be a list of folder names, such as ["~/study/checks"]')
    if not isinstance(data.get("keymap", ""), str):
        raise StudylogError(f"{path}: keymap must be the path of a keys file, as a string")
    return data


def _from_config(value: str) -> Path:
    """A path written in config.toml: ~ expanded, relative to the config file's folder."""
    return config_path().parent / Path(value).expanduser()


def default_check_dir(db_path: Path) -> Path:
    """Where `check new` writes: `checks/` beside the database, so a study log and its checks move together."""
    return Path(db_path).expanduser().absolute().parent / CHECKS_FOLDER


def check_dir_sources(db_path: Path | None = None) -> list[tuple[Path, str]]:
    """Every check folder with where it comes from, each once, in search order: the bundled pack,
    `checks/` beside the database (when one is given), config.toml's check_paths, $STUDYLOG_CHECK_PATHS."""
    found = [(bundled_questions_dir(), "the bundled pack")]
    if db_path:
        found.append((default_check_dir(db_path), "beside the database; `check new` writes here"))
    found += [(_from_config(p), f"check_paths in {config_path()}") for p in read_config().get("check_paths", [])]
    found += [(Path(p).expanduser(), f"${CHECK_PATHS_ENV_VAR}") for p in os.environ.get(CHECK_PATHS_ENV_VAR, "").split(os.pathsep) if p]
    unique: dict[Path, tuple[Path, str]] = {}
    for folder, source in found:
        unique.setdefault(folder.absolute(), (folder, source))
    return list(unique.values())


def check_dirs(db_path: Path | None = None) -> list[Path]:
    """Every folder whose `.py` modules are searched for checks (see check_dir_sources)."""
    return [folder for folder, _ in check_dir_sources(db_path)]


def configured_check_dirs() -> list[Path]:
    """The user's extra check folders, from config.toml and $STUDYLOG_CHECK_PATHS."""
    return [folder for folder, _ in check_dir_sources()][1:]


def keymap_path() -> Path:
    """The keymap file: $STUDYLOG_KEYMAP, else config.toml's keymap, else keys.toml beside config.toml."""
    if env := os.environ.get(KEYMAP_ENV_VAR):
        return Path(env).expanduser()
    if configured := read_config().get("keymap"):
        return _from_config(configured)
    return config_path().parent / "keys.toml"
