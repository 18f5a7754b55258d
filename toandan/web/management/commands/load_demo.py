"""`toandan load-demo`: the directory, one demo account per role and the seed plan with its demo history.
Idempotent."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from toandan.accounts.models import User
from toandan.orgs.models import Role, Unit
from toandan.orgs.services import grant_role
from toandan.plans.services import load_seed_plan
from toandan.web.demo_plan import bring_to_life

DEMO_PASSWORD = "ToanDan@2026"  # noqa: S105 - printed on purpose: demo only
# (username, full name, unit code or None for a citizen, role, include sub-units)
DEMO_USERS: list[tuple[str, str, str | None, Role | None, bool]] = [
    ("quantri", "Quản trị viên (demo)", "tinh-quang-ngai", Role.ADMIN, True),
    ("thuongtruc", "Cán bộ cơ quan thường trực (demo)", "ca-tinh", Role.STANDING_OFFICER, True),
    ("bcd138", "Thành viên Ban Chỉ đạo (demo)", "bcd138", Role.STEERING_MEMBER, False),
    ("lanhdao.pa05", "Lãnh đạo Phòng PA05 (demo)", "ca-pa05", Role.UNIT_LEADER, True),
    (
        "canbo.xa",
        "Cán bộ Công an phường Cẩm Thành (demo)",
        "ca-phuong-cam-thanh-21025",
        Role.UNIT_OFFICER,
        False,
    ),
    ("congdan", "Người dân (demo)", None, None, False),
]


class Command(BaseCommand):
    help = "Load demo data: units, one user per role (no second factor in the embedded demo), seed plan."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            # Demo accounts have a published password and skip the second factor.
            raise CommandError("load-demo: refused in production mode (TOANDAN_PRODUCTION=1)")
        call_command("init_data", stdout=self.stdout)
        for username, full_name, unit_code, role, subunits in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"full_name": full_name, "is_demo": True}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                if role == Role.ADMIN:
                    user.is_staff = user.is_superuser = True
                user.save()
            if unit_code and role:
                grant_role(
                    actor=None,
                    user=user,
                    unit=Unit.objects.get(code=unit_code),
                    role=role,
                    include_subunits=subunits,
                )
        plan, created = load_seed_plan()
        self.stdout.write(f"Kế hoạch mẫu: {plan.number} ({'mới' if created else 'đã có'}).")
        added = bring_to_life(plan)
        self.stdout.write(
            f"  tiến độ trình diễn: {added['assignments']} phân công chuyển từ huyện cũ sang xã, phường; "
            f"{added['updates']} cập nhật tiến độ; {added['reports']} báo cáo định kỳ."
        )
        if apps.is_installed("toandan.awareness"):  # an app above core: called by name, never imported
            call_command("load_awareness_demo", stdout=self.stdout)
        if apps.is_installed("toandan.events"):  # by name: core does not import the apps above it
            call_command("load_demo_events", stdout=self.stdout)
        if apps.is_installed("toandan.evaluation"):
            call_command("load_evaluation_demo", stdout=self.stdout)
        self.stdout.write(f"Tài khoản trình diễn (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, full_name, *_rest in DEMO_USERS:
            self.stdout.write(f"  {username:<14} {full_name}")
