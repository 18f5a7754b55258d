"""The data inventory is the platform's actual models: every field that looks personal (by its name, or as a
link to a user account) is declared in some app's `personal_data.KINDS` or listed as not personal, with a
reason. A new field `phone`, `email`, `…_name`, `address`, `ip`… in any model fails here until declared."""

from __future__ import annotations

import re

from django.apps import apps
from django.conf import settings
from django.db import models

from toandan.privacy import registry

LOOKS_PERSONAL = re.compile(
    r"(phone|e_?mail|(^|_)name$|^name_|username|address|(^|_)ip$|ip_address|contact|id_number|birth|holder)"
)


def looks_personal(field: models.Field) -> bool:
    if LOOKS_PERSONAL.search(field.name):
        return True
    related = getattr(field, "related_model", None)
    return (
        bool(field.many_to_one or field.one_to_one)
        and related is not None
        and (related._meta.label == settings.AUTH_USER_MODEL)
    )


def project_fields() -> list[str]:
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("toandan."):
            continue
        for field in model._meta.concrete_fields:
            if looks_personal(field):
                found.append(f"{model._meta.label}.{field.name}")
    return found


def test_every_field_that_looks_personal_is_declared() -> None:
    declared = set(registry.declared_fields()) | set(registry.not_personal())
    missing = [name for name in project_fields() if name not in declared]
    assert not missing, f"declare these in <app>/personal_data.py (KINDS or NOT_PERSONAL): {missing}"


def test_every_declared_field_exists() -> None:
    for name in [*registry.declared_fields(), *registry.not_personal()]:
        label, model_name, field = name.split(".")
        model = apps.get_model(label, model_name)
        model._meta.get_field(field)  # raises FieldDoesNotExist


def test_the_check_catches_a_new_personal_field() -> None:
    class Volunteer(models.Model):  # noqa: DJ008 - a throw-away model
        home_address = models.CharField(max_length=200)
        phone = models.CharField(max_length=20)
        helper = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
        shoe_size = models.PositiveSmallIntegerField()

        class Meta:
            app_label = "events"

    try:
        caught = [f.name for f in Volunteer._meta.concrete_fields if looks_personal(f)]
    finally:
        apps.all_models["events"].pop("volunteer", None)
        apps.clear_cache()
    assert caught == ["home_address", "phone", "helper"]


def test_kind_keys_are_unique_and_expiring_kinds_can_be_counted() -> None:
    keys = [k.key for k in registry.kinds()]
    assert len(keys) == len(set(keys))
    for kind in registry.kinds():
        assert (kind.expire is None) == (kind.due is None), kind.key
        assert (kind.default_days is None) or kind.expire is not None, kind.key
