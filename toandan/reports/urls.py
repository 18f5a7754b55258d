"""URLs of the reports app; full paths (citizen pages at the root, staff pages under can-bo/)."""

from django.urls import path  # noqa: F401

app_name = "reports"
urlpatterns: list = []
