"""People who sign in: citizens (optional accounts) and staff, whose roles live in orgs.Membership."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account; staff are users holding at least one unit role."""

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    is_demo = models.BooleanField(
        _("tài khoản trình diễn"),
        default=False,
        help_text=_("Chỉ trong bản trình diễn: được bỏ qua bước xác thực hai lớp."),
    )

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username
