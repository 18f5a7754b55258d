"""The organisation directory (agencies, communes, historical districts) and staff roles scoped to units."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.identifiers.names import name_key

if TYPE_CHECKING:
    from toandan.accounts.models import User


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh")
    STEERING = "steering", _("Ban chỉ đạo")
    PARTY = "party", _("Cơ quan Đảng")
    COUNCIL = "council", _("Hội đồng nhân dân")
    GOVERNMENT = "government", _("Ủy ban nhân dân")
    POLICE = "police", _("Công an")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    JUDICIARY = "judiciary", _("Tư pháp (tòa án, viện kiểm sát)")
    PRESS = "press", _("Báo chí, phát thanh, truyền hình")
    MASS_ORG = "mass_org", _("Mặt trận, hội, đoàn thể")
    COMMUNE = "commune", _("Xã, phường, đặc khu")
    DISTRICT = "district", _("Huyện, thị xã, thành phố (cũ)")
    CENTRAL = "central", _("Cơ quan trung ương")
    OTHER = "other", _("Khác")


class Role(models.TextChoices):
    UNIT_OFFICER = "unit_officer", _("Cán bộ đơn vị")
    UNIT_LEADER = "unit_leader", _("Lãnh đạo đơn vị")
    STANDING_OFFICER = "standing_officer", _("Cán bộ cơ quan thường trực")
    STEERING_MEMBER = "steering_member", _("Thành viên Ban Chỉ đạo")
    ADMIN = "admin", _("Quản trị viên")


# Units competent to receive and handle citizens' reports of crimes: the police (the provincial police, its
# sections such as PA05, and the commune police), the investigation bodies under the Criminal Procedure Code.
# Councils, the press, departments, mass organisations and communes' people's committees only forward reports.
REPORT_HANDLING_KINDS = (UnitKind.POLICE,)

# Roles that see every unit's data: the standing agency coordinates the whole province.
PROVINCE_WIDE_ROLES = {Role.STANDING_OFFICER, Role.STEERING_MEMBER, Role.ADMIN}
SUBTREE_ROLES = {Role.UNIT_LEADER}


class UnitQuerySet(models.QuerySet):
    def active(self) -> UnitQuerySet:
        return self.filter(is_active=True)

    def visible_to(self, user: User) -> UnitQuerySet:
        return self.filter(unit_scope_q(user, prefix=""))

    def handling_reports(self) -> UnitQuerySet:
        """Active units a report may be routed or transferred to (see REPORT_HANDLING_KINDS)."""
        return self.filter(is_active=True, kind__in=REPORT_HANDLING_KINDS)


class Unit(models.Model):
    """An agency, commune/ward or (historical) district that plans, reports and cases are assigned to."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    aliases = models.TextField(_("tên gọi khác"), blank=True, help_text=_("Mỗi dòng một tên gọi khác."))
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    area = models.ForeignKey(
        "self",
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="serving_units",
        help_text=_("Xã, phường mà đơn vị phụ trách (ví dụ công an xã)."),
    )
    path = models.CharField(max_length=400, db_index=True, editable=False)
    gso_code = models.CharField(_("mã hành chính"), max_length=10, blank=True, db_index=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    name_key = models.CharField(max_length=200, db_index=True, editable=False)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        old_path = self.path
        self.path = (self.parent.path if self.parent else "/") + self.code + "/"
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                child.path = self.path + child.path[len(old_path) :]
                child.save(update_fields=["path"])

    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.splitlines() if a.strip()]


class Membership(models.Model):
    """A staff member's role in a unit; it grants access to that unit and, for some roles, its sub-units."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    include_subunits = models.BooleanField(_("gồm cả đơn vị trực thuộc"), default=False)
    granted_at = models.DateTimeField(_("ngày cấp"), default=timezone.now)

    class Meta:
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"

    @property
    def covers_subunits(self) -> bool:
        return self.include_subunits or self.role in SUBTREE_ROLES


def unit_scope_q(user: User, prefix: str = "unit__") -> Q:
    """A Q filter selecting the rows whose unit the user may see (nothing for citizens)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    # A page asks several visibility questions (the object, related rows, permissions): one query per request.
    memberships = getattr(user, "_toandan_memberships", None)
    if memberships is None:
        memberships = list(user.memberships.select_related("unit"))
        user._toandan_memberships = memberships
    if user.is_superuser or any(m.role in PROVINCE_WIDE_ROLES for m in memberships):
        return Q()
    q = Q(pk__in=[]) if prefix == "" else Q(**{f"{prefix}pk__in": []})
    for m in memberships:
        if m.covers_subunits:
            q |= Q(**{f"{prefix}path__startswith": m.unit.path})
        else:
            q |= Q(**{f"{prefix}pk": m.unit_id})
    return q


class UnitScopedQuerySet(models.QuerySet):
    """Base for any model with a `unit` foreign key: `Model.objects.visible_to(user)`."""

    unit_field = "unit"

    def visible_to(self, user: User) -> UnitScopedQuerySet:
        return self.filter(unit_scope_q(user, prefix=f"{self.unit_field}__"))
