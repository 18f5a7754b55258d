"""Admin views of triage data, read-mostly: state changes go through the services and staff pages."""

from __future__ import annotations

from django.contrib import admin

from toandan.triage.models import CaseSuggestion, DetectionRun, WarningDraft, Wave


@admin.register(CaseSuggestion)
class CaseSuggestionAdmin(admin.ModelAdmin):
    list_display = ("report", "category", "priority", "final_category", "final_priority", "model_version")
    list_filter = ("priority", "category_source")
    raw_id_fields = ("report",)
    readonly_fields = [field.name for field in CaseSuggestion._meta.fields]


@admin.register(Wave)
class WaveAdmin(admin.ModelAdmin):
    list_display = ("pk", "size", "first_seen", "last_seen", "merged_into")
    readonly_fields = ("first_seen", "last_seen", "size", "sample", "merged_into", "created_at")
    exclude = ("signature",)


@admin.register(WarningDraft)
class WarningDraftAdmin(admin.ModelAdmin):
    list_display = ("title", "status", "wave", "wave_size", "created_at")
    list_filter = ("status",)
    readonly_fields = ("wave", "status", "wave_size", "created_at")


@admin.register(DetectionRun)
class DetectionRunAdmin(admin.ModelAdmin):
    list_display = ("started_at", "finished_at", "reports_read", "waves_changed", "drafts_proposed")
    readonly_fields = [field.name for field in DetectionRun._meta.fields]
