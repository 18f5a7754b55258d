"""User administration; changes to superuser/staff flags are audited as permission changes."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from toandan.accounts.models import User
from toandan.core.audit import record
from toandan.core.models import AuditAction

AUDITED_FLAGS = ("is_superuser", "is_staff", "is_active")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, ("Toàn Dân", {"fields": ("full_name", "phone", "is_demo")}))
    list_display = ["username", "full_name", "email", "is_active", "is_superuser"]
    search_fields = ["username", "full_name", "email"]

    def save_model(self, request: Any, obj: User, form: Any, change: bool) -> None:
        before = {}
        if change:
            before = dict(User.objects.filter(pk=obj.pk).values(*AUDITED_FLAGS).first() or {})
        super().save_model(request, obj, form, change)
        changed = {f: getattr(obj, f) for f in AUDITED_FLAGS if change and before.get(f) != getattr(obj, f)}
        if changed or "groups" in form.changed_data or "user_permissions" in form.changed_data:
            record(
                AuditAction.USER_FLAGS_CHANGED, request=request, target=obj, summary=obj.username, **changed
            )
