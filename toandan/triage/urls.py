"""URLs of the triage app; full paths (citizen pages at the root, staff pages under can-bo/)."""

from django.urls import path

from toandan.triage import views, views_waves

app_name = "triage"
urlpatterns = [
    path("can-bo/phan-loai/do-chinh-xac/", views.accuracy_page, name="accuracy"),
    path("can-bo/phan-loai/<str:code>/", views.decide, name="decide"),
    path("can-bo/dot-lua-dao/", views_waves.wave_list, name="waves"),
    path("can-bo/dot-lua-dao/<int:pk>/", views_waves.wave_detail, name="wave"),
    path("can-bo/dot-lua-dao/canh-bao/<int:pk>/<str:action>/", views_waves.draft_decide, name="draft_decide"),
]
