from django.urls import path

from bench.baseline.views import bare_json, form_insert
from toandan.urls import urlpatterns as platform

urlpatterns = [
    path("bench/bare", bare_json),
    path("bench/form-insert", form_insert),
    *platform,
]
