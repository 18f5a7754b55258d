"""URLs of the evaluation app; staff pages under can-bo/danh-gia/."""

from django.urls import path

from toandan.evaluation.views import metrics

app_name = "evaluation"
BASE = "can-bo/danh-gia/"
urlpatterns = [
    path(BASE, metrics.home, name="home"),
    path(BASE + "ke-hoach/<int:pk>/chi-tieu/", metrics.metrics, name="metrics"),
    path(BASE + "chi-tieu/<int:pk>/", metrics.drill, name="drill"),
]
