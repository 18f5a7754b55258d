"""Staff pages of the privacy app, under can-bo/du-lieu-ca-nhan/."""

from django.urls import include, path

from toandan.privacy import views

app_name = "privacy"
staff = [
    path("", views.schedule, name="schedule"),
    path("luu-giu/chay/", views.run_now, name="run_now"),
    path("luu-giu/<str:key>/", views.set_period, name="set_period"),
    path("yeu-cau/", views.request_list, name="requests"),
    path("yeu-cau/<str:code>/", views.request_detail, name="request"),
    path("yeu-cau/<str:code>/<str:action>/", views.request_action, name="request_action"),
    path("su-co/", views.breach_list, name="breaches"),
    path("su-co/<int:pk>/", views.breach_detail, name="breach"),
    path("ho-so-danh-gia-tac-dong.docx", views.dossier_docx, name="dossier"),
]
urlpatterns = [path("can-bo/du-lieu-ca-nhan/", include(staff))]
