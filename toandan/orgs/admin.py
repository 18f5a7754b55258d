"""Administrators edit the directory and grant roles; role changes go through the audited services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from toandan.orgs.models import Membership, Unit
from toandan.orgs.services import grant_role, revoke_role


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "parent", "is_active", "gso_code"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "aliases", "code", "name_key"]
    autocomplete_fields = ["parent", "area"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "unit", "include_subunits", "granted_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__full_name", "unit__name"]
    autocomplete_fields = ["user", "unit"]

    def save_model(self, request: Any, obj: Membership, form: Any, change: bool) -> None:
        if change:
            old = Membership.objects.get(pk=obj.pk)
            revoke_role(actor=request.user, membership=old, request=request)
        saved = grant_role(
            actor=request.user,
            user=obj.user,
            unit=obj.unit,
            role=obj.role,
            include_subunits=obj.include_subunits,
            request=request,
        )
        obj.pk = saved.pk

    def delete_model(self, request: Any, obj: Membership) -> None:
        revoke_role(actor=request.user, membership=obj, request=request)

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        for membership in queryset:
            revoke_role(actor=request.user, membership=membership, request=request)
