from django.contrib import admin

from toandan.core.models import DayOff


@admin.register(DayOff)
class DayOffAdmin(admin.ModelAdmin):
    list_display = ["day", "reason"]
