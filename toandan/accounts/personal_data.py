"""The personal data of accounts (read by the privacy app; shapes in core.personal_data)."""

from django.utils.translation import gettext_lazy as _

from toandan.core.personal_data import PersonalDataKind

KINDS = [
    PersonalDataKind(
        key="accounts.users",
        label=_("Tài khoản cán bộ và người dùng"),
        fields=(
            "accounts.User.username",
            "accounts.User.first_name",
            "accounts.User.last_name",
            "accounts.User.email",
            "accounts.User.full_name",
            "accounts.User.phone",
        ),
        subjects=_("cán bộ, quản trị viên, người dân có tài khoản"),
        purpose=_("đăng nhập, phân quyền, gửi thông báo công việc"),
        legal_basis=_("thực hiện nhiệm vụ của cơ quan nhà nước; sự đồng ý của người dân khi tạo tài khoản"),
        who_sees=_("quản trị viên; người dùng xem tài khoản của mình"),
        default_days=None,
        counted_from=_("trong thời gian tài khoản hoạt động"),
        at_expiry=_("quản trị viên khóa tài khoản khi thôi nhiệm vụ; hồ sơ đã ký giữ tên người thực hiện"),
    ),
]
