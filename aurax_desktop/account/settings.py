"""The user's settings: a small typed object saved as JSON in the platform config folder.

The API key is never a setting (it lives in the keyring); the key id may be.
A damaged or unreadable file is put aside as a backup and replaced by the
defaults, with a message saying so: never a crash.
"""

from __future__ import annotations

import enum
import json
import logging
import os
import time
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from aurax_desktop import languages, paths
from aurax_desktop.api import DEFAULT_BASE_URL, ProductType
from aurax_desktop.atomic import write_atomically
from aurax_desktop.translation import LazyText, _, lazy_pgettext

log = logging.getLogger(__name__)

SETTINGS_NAME = "settings.json"
_FORBIDDEN = ("api_key", "apiKey", "x-api-key", "key", "secret")


class UploadSize(enum.StrEnum):
    STANDARD = "standard"
    HIGH = "high"
    ORIGINAL = "original"

    @property
    def max_side(self) -> int | None:
        return {"standard": 2048, "high": 4096, "original": None}[self.value]

    @property
    def label(self) -> str:
        """The size in words, in the language spoken now."""
        return str(_UPLOAD_LABELS[self.value])


_UPLOAD_LABELS: dict[str, LazyText] = {
    # Translators: the size photos are sent at, chosen in Settings; "px" is pixels.
    "standard": lazy_pgettext("upload size", "Standard (2048 px)"),
    "high": lazy_pgettext("upload size", "High (4096 px)"),
    "original": lazy_pgettext("upload size", "Original size"),
}


def default_results_folder() -> str:
    return str(Path(platformdirs.user_pictures_dir()) / "AuraX")


@dataclass(frozen=True)
class Settings:
    base_url: str = DEFAULT_BASE_URL
    key_id: str = ""
    upload_size: UploadSize = UploadSize.STANDARD
    concurrency: int = 2
    """Jobs prepared and sent at the same time (1 to 8)."""
    task_deadline_minutes: int = 10
    results_folder: str = field(default_factory=default_results_folder)
    window_geometry: str = ""
    panel_layout: str = ""
    """Where the user left the window's dividers (Qt's splitter states, base64)."""
    last_product_type: str = ProductType.GARMENT.value
    last_strength: int = 2
    gallery_side: int = 0
    """The Gallery's thumbnail size in logical pixels, as the user left it (0: its
    default)."""
    theme: str = ""
    """"light", "dark", or "" to follow the system."""
    daily_limit: float = 0.0
    """Credits a day before sending asks first (0: no limit)."""
    folders: dict[str, str] = field(default_factory=dict)
    """The folder each kind of file dialog last used ("photos", "results", ...)."""
    forget_after_days: int = 0
    """Finished jobs older than this many days are deleted with their files, at start
    and daily (0: kept until the user deletes them)."""
    lookbook_subtitle: str = ""
    """Printed under the title of lookbooks and line sheets (a studio's name, a season)."""
    lookbook_logo: str = ""
    """A PNG or JPEG printed at the top of lookbooks and line sheets ("": none)."""
    lookbook_brand: str = ""
    """The brand or studio named on a line sheet's cover."""
    lookbook_contact: str = ""
    """Whom buyers write to (a name, an address, a telephone), on a line sheet's cover."""
    trash_days: int = 30
    """Deleted jobs wait this many days in the Trash (undo, restore) before they and
    their files are gone."""
    language: str = ""
    """The language chosen in View → Language ("de", "zh_CN"...), or "" to follow the
    system's; also the documents' from the command, unless it is told another."""

    @property
    def deadline_s(self) -> float:
        return self.task_deadline_minutes * 60.0

    def checked(self) -> Settings:
        """The same settings with every value held to its allowed range."""
        product = (
            self.last_product_type
            if self.last_product_type in ProductType.__members__
            else ProductType.GARMENT.value
        )
        return replace(
            self,
            concurrency=min(8, max(1, int(self.concurrency))),
            task_deadline_minutes=min(120, max(1, int(self.task_deadline_minutes))),
            last_strength=self.last_strength if self.last_strength in (1, 2, 3) else 2,
            gallery_side=min(1000, max(0, int(self.gallery_side))),
            last_product_type=product,
            base_url=self.base_url.strip() or DEFAULT_BASE_URL,
            theme=self.theme if self.theme in ("light", "dark") else "",
            daily_limit=max(0.0, float(self.daily_limit)),
            folders={str(k): str(v) for k, v in dict(self.folders).items()},
            forget_after_days=min(3650, max(0, int(self.forget_after_days))),
            trash_days=min(365, max(1, int(self.trash_days))),
            language=languages.known(self.language) or "",
        )


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    message: str | None = None
    """Set when the file was damaged and put aside: say it to the user."""


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_NAME


class SettingsStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()

    def load(self) -> LoadedSettings:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return LoadedSettings(Settings())
        except (OSError, UnicodeDecodeError) as exc:
            why = f"it could not be read ({exc.__class__.__name__})"
            # Translators: {error} is the name of the error met ("PermissionError").
            message = _(
                "Your settings file could not be used because it could not be read "
                "({error}); the default settings are in use."
            )
            return self._set_aside(why, message.format(error=exc.__class__.__name__))
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            message = _(
                "Your settings file could not be used because it is damaged; the default "
                "settings are in use."
            )
            return self._set_aside("it is damaged", message)
        return LoadedSettings(_from_dict(data))

    def save(self, settings: Settings) -> None:
        """Write atomically; the key id may be here, the API key never is."""
        data = asdict(settings.checked())
        data["upload_size"] = settings.upload_size.value
        write_atomically(self.path, json.dumps(data, indent=2, sort_keys=True).encode("utf-8"))

    def _set_aside(self, why: str, message: str) -> LoadedSettings:
        """The defaults, and ``message`` for the user (``why``, in English, for the log),
        once the file is moved aside (said when it could be)."""
        backup = self.path.with_name(f"{self.path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, backup)
        except OSError:
            pass
        else:
            # Translators: {message} says why the settings file could not be used; {name}
            # is the name it was kept under.
            message = _("{message} It was kept as {name}.").format(
                message=message, name=backup.name
            )
        log.warning("Settings file %s set aside: %s", self.path, why)
        return LoadedSettings(Settings(), message)


def _from_dict(data: dict[str, Any]) -> Settings:
    """Settings from whatever the file held: unknown keys ignored, bad values defaulted."""
    defaults = Settings()
    values: dict[str, Any] = {}
    for spec in fields(Settings):
        if spec.name not in data or spec.name in _FORBIDDEN:
            continue
        value = data[spec.name]
        default = getattr(defaults, spec.name)
        if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if spec.name == "upload_size":
            try:
                values[spec.name] = UploadSize(value)
            except ValueError:
                continue
        elif isinstance(default, bool) or type(value) is not type(default):
            continue
        else:
            values[spec.name] = value
    return replace(defaults, **values).checked()
