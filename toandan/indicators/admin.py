"""Administrators maintain the official allow-list and the partner organisations; imports and indicators are
shown read-only (their changes go through the staff pages, which write history)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from toandan.core.audit import record as audit
from toandan.core.audit import record_change
from toandan.core.models import AuditAction
from toandan.identifiers.base import InvalidIndicator
from toandan.identifiers.normalize import normalize
from toandan.indicators import status
from toandan.indicators.models import AllowedIndicator, ImportBatch, IndicatorRecord, Partner


class AllowedIndicatorForm(forms.ModelForm):
    class Meta:
        model = AllowedIndicator
        fields = ["kind", "value", "organisation", "include_subdomains", "source", "note", "verified"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind, value = data.get("kind"), data.get("value")
        if kind and value:
            try:
                indicator = normalize(kind, value)
            except InvalidIndicator as exc:
                self.add_error("value", exc.message)
            else:
                data["value"] = indicator.value
                self.instance.display = indicator.display[:300]
                duplicate = AllowedIndicator.objects.filter(kind=kind, value=indicator.value)
                if duplicate.exclude(pk=self.instance.pk).exists():
                    self.add_error("value", _("Mục này đã có trong danh sách."))
        return data


@admin.register(AllowedIndicator)
class AllowedIndicatorAdmin(admin.ModelAdmin):
    form = AllowedIndicatorForm
    list_display = ["organisation", "kind", "display", "verified", "verified_by", "verified_at"]
    list_filter = ["verified", "kind"]
    search_fields = ["organisation", "value", "display"]
    readonly_fields = ["verified_by", "verified_at", "created_at"]
    actions = ["mark_verified"]

    def save_model(self, request: HttpRequest, obj: AllowedIndicator, form: Any, change: bool) -> None:
        if obj.verified and not obj.verified_by_id:
            obj.verified_by, obj.verified_at = request.user, timezone.now()
        if not obj.verified:
            obj.verified_by, obj.verified_at = None, None
        super().save_model(request, obj, form, change)
        audit(
            AuditAction.STATE_CHANGED if change else AuditAction.CREATED,
            request=request,
            target=obj,
            summary=f"allow-list {obj.kind}:{obj.value} verified={obj.verified}",
        )
        cleared = status.clear_allowlisted(
            obj.kind, obj.value, include_subdomains=obj.include_subdomains, note=obj.organisation
        )
        if cleared:
            self.message_user(
                request,
                _("Đã gỡ %(count)s dấu hiệu đã xác nhận trùng với mục chính thức này.") % {"count": cleared},
                messages.WARNING,
            )

    def delete_model(self, request: HttpRequest, obj: AllowedIndicator) -> None:
        record_change(obj, f"allow-list removed {obj}", request=request)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[AllowedIndicator]) -> None:
        for entry in queryset:
            record_change(entry, f"allow-list removed {entry}", request=request)
        super().delete_queryset(request, queryset)

    @admin.action(description=gettext_lazy("Đánh dấu đã kiểm tra với nguồn chính thức"))
    def mark_verified(self, request: HttpRequest, queryset: QuerySet[AllowedIndicator]) -> None:
        for entry in queryset.filter(verified=False):
            entry.verified, entry.verified_by, entry.verified_at = True, request.user, timezone.now()
            entry.save(update_fields=["verified", "verified_by", "verified_at"])
            record_change(entry, f"allow-list verified {entry}", request=request)


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "contact", "is_active", "created_at"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = [
        "source",
        "imported_at",
        "imported_by",
        "status",
        "rows_new",
        "rows_known",
        "rows_skipped",
    ]
    search_fields = ["source", "note"]


@admin.register(IndicatorRecord)
class IndicatorRecordAdmin(ReadOnlyAdmin):
    list_display = ["kind", "value", "status", "category", "first_seen", "status_changed_at"]
    list_filter = ["status", "kind"]
    search_fields = ["value"]
    show_full_result_count = False
