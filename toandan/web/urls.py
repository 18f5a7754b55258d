from django.urls import path

from toandan.web import directory, views

app_name = "web"
urlpatterns = [
    path("can-bo/", views.staff_home, name="staff_home"),
    path("can-bo/nhat-ky/", views.audit_log, name="audit_log"),
    path("can-bo/don-vi/", directory.unit_list, name="unit_list"),
    path("can-bo/don-vi/<slug:code>/", directory.unit_detail, name="unit_detail"),
]
