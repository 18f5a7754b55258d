from django.urls import path

from toandan.accounts import views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.login_view, name="login"),
    path("dang-nhap/xac-thuc/", views.second_factor_view, name="second_factor"),
    path("dang-xuat/", views.logout_view, name="logout"),
]
