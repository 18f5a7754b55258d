"""The personal data of units and roles (read by the privacy app; shapes in core.personal_data)."""

from django.utils.translation import gettext_lazy as _

from toandan.core.personal_data import PersonalDataKind

KINDS = [
    PersonalDataKind(
        key="orgs.memberships",
        label=_("Vai trò của cán bộ trong đơn vị"),
        fields=("orgs.Membership.user",),
        subjects=_("cán bộ"),
        purpose=_("phân quyền theo đơn vị"),
        legal_basis=_("thực hiện nhiệm vụ của cơ quan nhà nước"),
        who_sees=_("quản trị viên, lãnh đạo đơn vị"),
        default_days=None,
        counted_from=_("trong thời gian giữ vai trò"),
        at_expiry=_("thu hồi vai trò (có nhật ký)"),
    ),
]

NOT_PERSONAL = {
    "orgs.Unit.name": _("tên đơn vị, cơ quan"),
    "orgs.Unit.short_name": _("tên viết tắt của đơn vị"),
    "orgs.Unit.name_key": _("khóa so khớp tên đơn vị"),
}
