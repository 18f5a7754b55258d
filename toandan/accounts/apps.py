from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "toandan.accounts"
    verbose_name = _("Tài khoản")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from toandan.core.deploycheck import register_check

        register_check("demo accounts", _demo_ok)


def _demo_ok() -> tuple[bool, str]:
    """`check-deploy`: demo accounts have a published password and skip the second factor."""
    from toandan.accounts.models import User

    count = User.objects.filter(is_demo=True, is_active=True).count()
    return count == 0, f"{count} active demo account(s)" if count else "no demo accounts"
