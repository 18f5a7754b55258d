from django.contrib import admin

from toandan.plans.models import (
    Assignment,
    Indicator,
    PeriodReport,
    Plan,
    ProgressUpdate,
    ReportingPeriod,
    ReportingRule,
    Task,
)


class TaskInline(admin.TabularInline):
    model = Task
    fields = ["order", "ref", "title", "start", "end", "recurring", "flagged"]
    extra = 0


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


class RuleInline(admin.TabularInline):
    model = ReportingRule
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["number", "issued_on", "issuer", "title"]
    search_fields = ["number", "title"]
    autocomplete_fields = ["issuer", "implements"]
    filter_horizontal = ["expected_implementers"]
    inlines = [IndicatorInline, RuleInline, TaskInline]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["task", "unit", "role"]
    list_filter = ["role"]
    search_fields = ["task__ref", "unit__name"]
    autocomplete_fields = ["unit"]
    raw_id_fields = ["task"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    list_display = ["assignment", "state", "at", "author"]
    raw_id_fields = ["assignment", "author"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ["plan", "frequency", "year", "index", "starts_on", "ends_on", "due_on"]
    list_filter = ["frequency"]


@admin.register(PeriodReport)
class PeriodReportAdmin(admin.ModelAdmin):
    list_display = ["period", "unit", "status", "submitted_at"]
    list_filter = ["status"]
    raw_id_fields = ["period", "unit"]
