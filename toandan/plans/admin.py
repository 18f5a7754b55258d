from django.contrib import admin

from toandan.plans.models import Plan


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["number", "issued_on", "issuer", "title"]
    search_fields = ["number", "title"]
    autocomplete_fields = ["issuer", "implements"]
