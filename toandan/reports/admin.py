"""Administrators edit categories, routing rules and legal time limits; reports themselves are handled in
the staff pages (which check scope and write history), so they are not editable here."""

from django.contrib import admin

from toandan.reports.models import DeadlinePolicy, ReportCategory, RoutingRule


@admin.register(ReportCategory)
class ReportCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "default_track", "sort", "is_active"]
    list_editable = ["sort", "is_active"]
    search_fields = ["name", "name_en", "code"]


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = ["order", "category", "commune", "outside_province", "target", "unit", "is_active"]
    list_editable = ["is_active"]
    autocomplete_fields = ["commune", "unit"]


@admin.register(DeadlinePolicy)
class DeadlinePolicyAdmin(admin.ModelAdmin):
    list_display = ["track", "step", "extension", "amount", "unit", "base", "legal_basis"]
    list_filter = ["track"]
