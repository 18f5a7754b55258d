"""URLs of the evaluation app; staff pages under can-bo/danh-gia/."""

from django.urls import path

from toandan.evaluation.views import budget, dashboard, inspections, metrics, practices

app_name = "evaluation"
BASE = "can-bo/danh-gia/"
urlpatterns = [
    path(BASE, metrics.home, name="home"),
    path(BASE + "ke-hoach/<int:pk>/", dashboard.dashboard, name="dashboard"),
    path(BASE + "ke-hoach/<int:pk>/bang-dieu-khien.xlsx", dashboard.export, name="export"),
    path(BASE + "ke-hoach/<int:pk>/mo-hinh/", practices.practices, name="practices"),
    path(BASE + "mo-hinh/<int:pk>/", practices.practice_detail, name="practice"),
    path(BASE + "ke-hoach/<int:pk>/kinh-phi/", budget.budget, name="budget"),
    path(BASE + "ke-hoach/<int:pk>/chi-tieu/", metrics.metrics, name="metrics"),
    path(BASE + "chi-tieu/<int:pk>/", metrics.drill, name="drill"),
    path(BASE + "ke-hoach/<int:pk>/kiem-tra/", inspections.inspections, name="inspections"),
    path(BASE + "kiem-tra/<int:pk>/", inspections.inspection_detail, name="inspection"),
    path(BASE + "kiem-tra/<int:pk>/bien-ban.docx", inspections.inspection_minutes, name="minutes"),
]
