"""The workstation's settings: which store it uses is an administrator's choice."""

from __future__ import annotations

import pytest

from desktop.core.errors import PermissionDenied
from desktop.core.security import Actor, Role
from desktop.core.settings import Settings, load_settings, save_store_choice


def actor(role: Role) -> Actor:
    return Actor(id=1, name=f"u_{role.value}", display_name="", role=role)


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.ADMIN])
def test_only_an_administrator_saves_the_store_choice(role, tmp_path):
    choice = Settings(sqlite_path=str(tmp_path / "other.sqlite3"))
    with pytest.raises(PermissionDenied):
        save_store_choice(actor(role), choice, tmp_path / "settings.json")
    assert not (tmp_path / "settings.json").exists()
    save_store_choice(actor(Role.ADMIN), choice, tmp_path / "settings.json")
    assert load_settings(tmp_path / "settings.json").sqlite_path == str(tmp_path / "other.sqlite3")
