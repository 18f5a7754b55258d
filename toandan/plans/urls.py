"""URLs of the plans app; officers' pages under can-bo/ke-hoach/."""

from django.urls import path

from toandan.plans import views_import, views_reporting, views_tracking

app_name = "plans"
PERIOD = "can-bo/ke-hoach/<int:pk>/ky/<int:period_pk>/don-vi/<int:unit_pk>/"
urlpatterns = [
    path("can-bo/ke-hoach/", views_tracking.plan_list, name="list"),
    path("can-bo/ke-hoach/nhap/", views_import.import_upload, name="import"),
    path("can-bo/ke-hoach/nhap/don-vi/", views_import.unit_search, name="unit_search"),
    path("can-bo/ke-hoach/nhap/<str:token>/", views_import.import_review, name="import_review"),
    path("can-bo/ke-hoach/<int:pk>/", views_tracking.plan_detail, name="detail"),
    path("can-bo/ke-hoach/<int:pk>/che-do-bao-cao/", views_tracking.plan_rules, name="rules"),
    path("can-bo/ke-hoach/<int:pk>/tong-hop/", views_reporting.consolidated, name="consolidated"),
    path("can-bo/ke-hoach/<int:pk>/tong-hop.<str:fmt>", views_reporting.export, name="export"),
    path(PERIOD, views_reporting.period_report, name="period_report"),
    path(PERIOD + "tra-lai/", views_reporting.period_report_return, name="period_report_return"),
    path("can-bo/ke-hoach/phan-cong/<int:pk>/", views_tracking.assignment_detail, name="assignment"),
    path("can-bo/ke-hoach/tep/<int:pk>/", views_tracking.attachment, name="attachment"),
]
