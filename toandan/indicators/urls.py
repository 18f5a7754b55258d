"""URLs of the indicators app; full paths (citizen pages at the root, staff pages under can-bo/).

Grouped under two prefixes so that resolving any other path (the API's above all) costs two comparisons here,
not one per page.
"""

from django.urls import include, path

from toandan.indicators import views_admin, views_public, views_staff

app_name = "indicators"
public = [
    path("", views_public.check, name="check"),
    path("khieu-nai/", views_public.appeal, name="appeal"),
    path("khieu-nai/da-gui/", views_public.appeal_done, name="appeal_done"),
]
staff = [
    path("", views_staff.cluster_list, name="clusters"),
    path("khieu-nai/", views_staff.appeal_list, name="appeals"),
    path("khieu-nai/<str:code>/", views_staff.appeal_detail, name="appeal_detail"),
    path("khieu-nai/<str:code>/lien-he/", views_staff.appeal_contact, name="appeal_contact"),
    path("khieu-nai/<str:code>/tep/<int:pk>/", views_staff.appeal_file, name="appeal_file"),
    path("nhap/", views_admin.import_list, name="import"),
    path("doi-tac/", views_admin.partner_list, name="partners"),
    path("doi-tac/<int:pk>/khoa-moi/", views_admin.issue_token, name="issue_token"),
    path("khoa/<int:pk>/thu-hoi/", views_admin.revoke_token, name="revoke_token"),
    path("<int:pk>/", views_staff.detail, name="detail"),
    path("<int:pk>/<str:action>/", views_staff.act, name="act"),
]
urlpatterns = [
    path("tra-cuu/", include(public)),
    path("can-bo/dau-hieu/", include(staff)),
]
