"""Fixtures of the awareness tests: media in a scratch directory, an editor and a reviewer, and items made
through the real services."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from toandan.accounts.models import User
from toandan.awareness import services
from toandan.awareness.models import ContentItem, Kind, Status
from toandan.orgs.models import Role, Unit
from toandan.web.testing import COMMUNE_A_POLICE, make_staff


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def editor(commune_a_officer: User) -> User:
    """A commune police officer: writes the commune unit's content, cannot publish."""
    return commune_a_officer


@pytest.fixture
def reviewer(units: None) -> User:
    """The commune police unit's leader: publishes that unit's content."""
    return make_staff("leader_a", COMMUNE_A_POLICE, Role.UNIT_LEADER)


ItemFactory = Callable[..., ContentItem]


@pytest.fixture
def make_item(editor: User, reviewer: User) -> ItemFactory:
    """An item written by the editor, published by the reviewer unless `publish=False`."""

    def make(
        title: str, body: str = "Nội dung.", kind: str = Kind.ARTICLE, publish: bool = True, **fields: Any
    ) -> ContentItem:
        item = ContentItem(
            kind=kind, title=title, body=body, unit=Unit.objects.get(code=COMMUNE_A_POLICE), **fields
        )
        item = services.save_version(item, {}, actor=editor)
        if publish:
            services.transition(item, Status.REVIEW, actor=editor)
            item = services.transition(item, Status.PUBLISHED, actor=reviewer)
        return item

    return make
