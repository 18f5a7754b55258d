"""The platform's data inventory: every app's `personal_data` module (shapes in core.personal_data), read at
first use in the order of INSTALLED_APPS. The privacy app sits above the apps that declare, so it imports
them; they never import it."""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache

from django.apps import apps

from toandan.core.personal_data import PersonalDataKind, SubjectRecords


@cache
def _modules() -> tuple[object, ...]:
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.personal_data"
        if config.name.startswith("toandan.") and importlib.util.find_spec(name) is not None:
            found.append(importlib.import_module(name))
    return tuple(found)


def kinds() -> list[PersonalDataKind]:
    return [kind for module in _modules() for kind in getattr(module, "KINDS", [])]


def kind(key: str) -> PersonalDataKind:
    for item in kinds():
        if item.key == key:
            return item
    raise KeyError(key)


def subject_records() -> list[SubjectRecords]:
    return [item for module in _modules() for item in getattr(module, "SUBJECT_RECORDS", [])]


def subject_record(key: str) -> SubjectRecords:
    for item in subject_records():
        if item.key == key:
            return item
    raise KeyError(key)


def not_personal() -> dict[str, object]:
    merged: dict[str, object] = {}
    for module in _modules():
        merged.update(getattr(module, "NOT_PERSONAL", {}))
    return merged


def declared_fields() -> dict[str, PersonalDataKind]:
    """ "app_label.Model.field" → the kind that declares it."""
    return {field: item for item in kinds() for field in item.fields}
