"""Sign-in (password, then TOTP for staff), enrolment of an authenticator app, and sign-out."""

from __future__ import annotations

import base64
import time

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from toandan.accounts.forms import PasswordLoginForm, TokenForm
from toandan.accounts.middleware import STARTED_KEY
from toandan.accounts.models import User
from toandan.accounts.permissions import SECOND_FACTOR_SESSION_KEY, is_staff_user
from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.core.ratelimit import exhausted, hit

PENDING_KEY = "toandan_pending_user"
NEXT_KEY = "toandan_next"
BACKEND = "django.contrib.auth.backends.ModelBackend"


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return ""


def _finish_login(request: HttpRequest, user: User, method: str) -> HttpResponse:
    next_url = request.session.get(NEXT_KEY, "")
    request.session.pop(PENDING_KEY, None)
    login(request, user, backend=BACKEND)
    request.session[SECOND_FACTOR_SESSION_KEY] = method
    request.session[STARTED_KEY] = time.time()
    if is_staff_user(user):
        request.session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)
        return redirect(next_url or "web:staff_home")
    return redirect(next_url or settings.LOGIN_REDIRECT_URL)


def login_view(request: HttpRequest) -> HttpResponse:
    form = PasswordLoginForm(request.POST or None)
    if request.method == "GET":
        request.session[NEXT_KEY] = _safe_next(request, request.GET.get("next"))
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"].strip()
        user_key = f"user:{username.casefold()}"
        if hit(request, "login-ip", settings.LOGIN_ATTEMPTS_PER_IP) or exhausted(
            request, "login-fail", settings.LOGIN_FAILURES_PER_USER, user_key
        ):
            record(AuditAction.LOGIN_THROTTLED, request=request, username=username[:150])
            form.add_error(None, _("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút."))
            return render(request, "accounts/login.html", {"form": form}, status=429)
        user = authenticate(request, username=username, password=form.cleaned_data["password"])
        if user is not None and user.is_demo and settings.PRODUCTION:
            # A demo account's password is published: it never signs in to a production site.
            record(AuditAction.LOGIN_FAILED, request=request, username=username[:150], reason="demo account")
            form.add_error(None, _("Tài khoản trình diễn không được dùng trên hệ thống chính thức."))
            return render(request, "accounts/login.html", {"form": form}, status=403)
        if user is None:
            hit(request, "login-fail", settings.LOGIN_FAILURES_PER_USER, key=user_key)
            form.add_error(None, _("Tên đăng nhập hoặc mật khẩu không đúng."))
        elif not is_staff_user(user):
            return _finish_login(request, user, "none")
        elif settings.TOANDAN_DEMO_SKIP_2FA and user.is_demo:
            messages.warning(request, _("Tài khoản trình diễn: đã bỏ qua bước xác thực hai lớp."))
            return _finish_login(request, user, "demo")
        else:
            request.session.cycle_key()
            request.session[PENDING_KEY] = user.pk
            return redirect("accounts:second_factor")
    return render(request, "accounts/login.html", {"form": form})


def _pending_user(request: HttpRequest) -> User | None:
    if request.user.is_authenticated:
        return request.user  # type: ignore[return-value]
    pk = request.session.get(PENDING_KEY)
    return User.objects.filter(pk=pk, is_active=True).first() if pk else None


def second_factor_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
            user=user, name=_("Ứng dụng xác thực"), confirmed=False
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _details = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["token"]):
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                record(AuditAction.TOTP_ENROLLED, actor=user, request=request, target=user)
            response = _finish_login(request, user, "totp")
            otp_login(request, device)
            record(AuditAction.SECOND_FACTOR, actor=user, request=request, target=user)
            return response
        record(AuditAction.SECOND_FACTOR_FAILED, actor=user, request=request, target=user)
        if not allowed:
            form.add_error("token", _("Nhập sai quá nhiều lần. Vui lòng đợi một lúc rồi thử lại."))
        else:
            form.add_error("token", _("Mã không đúng hoặc đã hết hạn. Hãy nhập mã mới trong ứng dụng."))
    context = {"form": form, "enrolling": enrolling, "user_pending": user}
    if enrolling:
        context["qr_svg"] = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#111")
        context["secret"] = _base32(device.bin_key)
    return render(request, "accounts/second_factor.html", context)


def _base32(key: bytes) -> str:
    raw = base64.b32encode(key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("Bạn đã đăng xuất."))
    return redirect("core:home")
