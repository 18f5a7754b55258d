"""URLs of the events app: citizens' pages under su-kien/, organisers' under can-bo/su-kien/."""

from django.urls import path

from toandan.events import views_checkin, views_public, views_staff

app_name = "events"
STAFF = "can-bo/su-kien/"
urlpatterns = [
    path("su-kien/", views_public.calendar, name="calendar"),
    path("su-kien/lich.ics", views_public.feed, name="feed"),
    path("su-kien/<int:pk>/", views_public.event_page, name="event"),
    path("su-kien/<int:pk>/lich.ics", views_public.event_ics, name="event_ics"),
    path("su-kien/tai-lieu/<int:pk>/", views_public.material, name="material"),
    path("su-kien/ve/<str:token>/", views_public.ticket, name="ticket"),
    path("su-kien/ve/<str:token>/qr.png", views_public.ticket_qr, name="ticket_qr"),
    path("su-kien/ve/<str:token>/kiem-tra/<str:phase>/", views_public.take_test, name="test"),
    path("su-kien/ve/<str:token>/gop-y/", views_public.feedback, name="feedback"),
    path("su-kien/ve/<str:token>/chung-nhan.pdf", views_public.certificate, name="certificate"),
    path("su-kien/huy/<str:token>/", views_public.cancel, name="cancel"),
    path("su-kien/chung-nhan/<str:number>/", views_public.verify, name="verify"),
    path(STAFF, views_staff.event_list, name="staff_list"),
    path(STAFF + "moi/", views_staff.event_create, name="staff_create"),
    path(STAFF + "hieu-qua/", views_staff.gains, name="gains"),
    path(STAFF + "tai-lieu/<int:pk>/", views_staff.staff_material, name="staff_material"),
    path(STAFF + "diem-danh/ma/<str:code>/", views_checkin.checkin_code, name="checkin_code"),
    path(STAFF + "<int:pk>/", views_staff.event_detail, name="staff_event"),
    path(STAFF + "<int:pk>/sua/", views_staff.event_edit, name="staff_edit"),
    path(STAFF + "<int:pk>/tinh-trang/", views_staff.event_status, name="staff_status"),
    path(STAFF + "<int:pk>/so-cho/", views_staff.event_capacity, name="staff_capacity"),
    path(STAFF + "<int:pk>/dang-ky/", views_staff.staff_register, name="staff_register"),
    path(STAFF + "<int:pk>/danh-sach/", views_staff.bulk_register, name="staff_bulk"),
    path(STAFF + "<int:pk>/mau-danh-sach.xlsx", views_staff.bulk_template, name="staff_bulk_template"),
    path(STAFF + "<int:pk>/lien-he/", views_staff.participant_contacts, name="staff_contacts"),
    path(STAFF + "<int:pk>/huy/<int:participant_pk>/", views_staff.cancel_participant, name="staff_cancel"),
    path(STAFF + "<int:pk>/cau-hoi/", views_staff.add_question, name="staff_question"),
    path(STAFF + "<int:pk>/so-lieu/", views_staff.post_figures, name="staff_figures"),
    path(STAFF + "<int:pk>/diem-danh/", views_checkin.checkin_page, name="checkin"),
    path(STAFF + "<int:pk>/diem-danh/quet/", views_checkin.checkin_scan, name="checkin_scan"),
    path(
        STAFF + "<int:pk>/diem-danh/<int:participant_pk>/",
        views_checkin.checkin_person,
        name="checkin_person",
    ),
    path(STAFF + "<int:pk>/diem-danh/vang-lai/", views_checkin.walk_in, name="walk_in"),
    path(STAFF + "<int:pk>/diem-danh.xlsx", views_checkin.attendance_export, name="attendance_export"),
]
