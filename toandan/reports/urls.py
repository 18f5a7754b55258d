"""Citizen pages at short Vietnamese paths; officers' pages under /can-bo/to-giac/."""

from django.urls import path

from toandan.reports import views_public, views_staff, views_stats

app_name = "reports"
urlpatterns = [
    path("to-giac/", views_public.new_report, name="new"),
    path("to-giac/da-gui/", views_public.done, name="done"),
    path("to-giac/dia-danh/", views_public.place, name="place"),
    path("to-giac/da-gui/bien-nhan.png", views_public.done_image, name="done_image"),
    path("to-giac/da-gui/xoa/", views_public.done_forget, name="done_forget"),
    path("theo-doi/", views_public.follow, name="follow"),
    path("theo-doi/bo-sung/", views_public.add_info, name="add_info"),
    path("can-bo/to-giac/", views_staff.queue, name="queue"),
    path("can-bo/to-giac/hang-loat/", views_staff.bulk, name="bulk"),
    path("can-bo/to-giac/thong-ke/", views_stats.statistics, name="stats"),
    path("can-bo/to-giac/thong-ke/xuat.<str:fmt>", views_stats.export, name="export"),
    path(
        "can-bo/to-giac/thong-ke/xuat-danh-tinh.<str:fmt>",
        views_stats.export_identity,
        name="export_identity",
    ),
    path("can-bo/to-giac/<str:code>/", views_staff.detail, name="detail"),
    path("can-bo/to-giac/<str:code>/danh-tinh/", views_staff.reveal, name="reveal"),
    path("can-bo/to-giac/<str:code>/tep/<int:pk>/", views_staff.evidence_file, name="evidence"),
    path("can-bo/to-giac/<str:code>/<str:action>/", views_staff.act, name="act"),
]
