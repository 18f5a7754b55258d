"""URLs of the awareness app: citizen pages under tuyen-truyen/, staff pages under can-bo/tuyen-truyen/."""

from django.urls import path

from toandan.awareness import feeds, views_print, views_public, views_quiz, views_quiz_staff, views_staff

app_name = "awareness"
urlpatterns = [
    path("tuyen-truyen/", views_public.index, name="index"),
    path("tuyen-truyen/tim-kiem/", views_public.search, name="search"),
    path("tuyen-truyen/opensearch.xml", feeds.opensearch, name="opensearch"),
    path("tuyen-truyen/rss/", feeds.RssFeed(), name="rss"),
    path("tuyen-truyen/atom/", feeds.AtomFeed(), name="atom"),
    path("tuyen-truyen/trac-nghiem/", views_quiz.quiz_list, name="quizzes"),
    path("tuyen-truyen/trac-nghiem/<slug:slug>/", views_quiz.quiz, name="quiz"),
    path(
        "can-bo/tuyen-truyen/trac-nghiem/<slug:slug>/ket-qua/", views_quiz.quiz_results, name="quiz_results"
    ),
    path("tuyen-truyen/anh/<int:pk>/", views_public.image, name="image"),
    path("tuyen-truyen/<slug:slug>/", views_public.detail, name="detail"),
    path("tuyen-truyen/<slug:slug>/in/", views_print.print_page, name="print"),
    path("tuyen-truyen/<slug:slug>/in.pdf", views_print.print_pdf, name="print_pdf"),
    path("tuyen-truyen/<slug:slug>/nghe.mp3", views_public.audio, name="audio"),
    path("can-bo/tuyen-truyen/", views_staff.item_list, name="staff_list"),
    path("can-bo/tuyen-truyen/moi/", views_staff.item_new, name="staff_new"),
    path("can-bo/tuyen-truyen/<int:pk>/", views_staff.item_detail, name="staff_item"),
    path("can-bo/tuyen-truyen/<int:pk>/sua/", views_staff.item_edit, name="staff_edit"),
    path("can-bo/tuyen-truyen/<int:pk>/anh/", views_staff.item_image, name="staff_image"),
    path("can-bo/tuyen-truyen/<int:pk>/so-sanh/", views_staff.item_diff, name="staff_diff"),
    path(
        "can-bo/tuyen-truyen/<int:pk>/chuyen/<slug:action>/",
        views_staff.item_transition,
        name="staff_transition",
    ),
    path("can-bo/tuyen-truyen/trac-nghiem/", views_quiz_staff.bank_list, name="staff_quizzes"),
    path("can-bo/tuyen-truyen/trac-nghiem/moi/", views_quiz_staff.bank_new, name="staff_quiz_new"),
    path("can-bo/tuyen-truyen/trac-nghiem/<int:pk>/", views_quiz_staff.bank_detail, name="staff_quiz"),
    path(
        "can-bo/tuyen-truyen/trac-nghiem/<int:pk>/cong-khai/",
        views_quiz_staff.bank_publish,
        name="staff_quiz_publish",
    ),
    path(
        "can-bo/tuyen-truyen/trac-nghiem/<int:pk>/cau-hoi/<int:question_pk>/xoa/",
        views_quiz_staff.question_delete,
        name="staff_question_delete",
    ),
]
