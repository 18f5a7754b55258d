from django.contrib import admin

from toandan.evaluation.models import (
    BudgetLine,
    ChecklistItem,
    ChecklistTemplate,
    Inspection,
    Metric,
    Population,
    Practice,
    Target,
)


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    raw_id_fields = ["unit"]


@admin.register(Metric)
class MetricAdmin(admin.ModelAdmin):
    list_display = ["name", "plan", "source", "computed_key", "unit_label"]
    list_filter = ["source"]
    inlines = [TargetInline]


class ItemInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "plan"]
    inlines = [ItemInline]


@admin.register(Inspection)
class InspectionAdmin(admin.ModelAdmin):
    list_display = ["unit", "inspected_on", "template", "status"]
    list_filter = ["status"]
    raw_id_fields = ["unit"]
    readonly_fields = ["status"]


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "commune", "status"]
    list_filter = ["status"]
    raw_id_fields = ["unit", "commune"]


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):
    list_display = ["task", "unit", "source", "estimate"]
    list_filter = ["source"]
    raw_id_fields = ["task", "unit"]


@admin.register(Population)
class PopulationAdmin(admin.ModelAdmin):
    """Administrators enter each commune's residents with the year and source of the figure."""

    list_display = ["commune", "year", "residents", "source", "is_demo"]
    list_filter = ["year", "is_demo"]
    search_fields = ["commune__name", "source"]
