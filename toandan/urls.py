"""URL map: citizen pages in Vietnamese paths, staff under /can-bo/, the JSON API under /api/v1/."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from toandan.api.urls import api
from toandan.core.metrics import metrics
from toandan.core.views import healthz

urlpatterns = [
    # First: every API request (the public check above all) resolves without walking the pages' patterns.
    path("api/v1/", api.urls),
    path("", include("toandan.core.urls")),
    path("", include("toandan.web.urls")),
    path("", include("toandan.accounts.urls")),
    path("", include("toandan.plans.urls")),
    path("", include("toandan.indicators.urls")),
    path("", include("toandan.reports.urls")),
    path("", include("toandan.triage.urls")),
    path("", include("toandan.awareness.urls")),
    path("", include("toandan.evaluation.urls")),
    path("", include("toandan.events.urls")),
    path("", include("toandan.privacy.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("healthz", healthz, name="healthz"),
    path("metrics", metrics, name="metrics"),
    path("quan-tri/", admin.site.urls),
]

handler403 = "toandan.core.errors.forbidden"
handler404 = "toandan.core.errors.not_found"
handler500 = "toandan.core.errors.server_error"
