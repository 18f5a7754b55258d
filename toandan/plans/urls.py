"""URLs of the plans app; full paths (citizen pages at the root, staff pages under can-bo/)."""

from django.urls import path  # noqa: F401

app_name = "plans"
urlpatterns: list = []
