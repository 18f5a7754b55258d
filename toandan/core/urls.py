from django.urls import path

from toandan.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("can-bo/", views.staff_home, name="staff_home"),
    path("can-bo/nhat-ky/", views.audit_log, name="audit_log"),
]
