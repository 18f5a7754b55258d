"""A few well-known official numbers and domains, NOT verified: an administrator must check each one against
the organisation's own publications and tick "verified" before it is shown to the public as official."""

from django.db import migrations

NOTE = "Mục khởi tạo sẵn: quản trị viên cần đối chiếu với nguồn chính thức trước khi đánh dấu đã kiểm tra."

SEED = [
    ("domain", "dichvucong.gov.vn", "dichvucong.gov.vn", "Cổng Dịch vụ công quốc gia"),
    ("domain", "chinhphu.vn", "chinhphu.vn", "Cổng Thông tin điện tử Chính phủ"),
    ("domain", "bocongan.gov.vn", "bocongan.gov.vn", "Bộ Công an"),
    ("domain", "vneid.gov.vn", "vneid.gov.vn", "Bộ Công an – Ứng dụng định danh điện tử VNeID"),
    ("domain", "quangngai.gov.vn", "quangngai.gov.vn", "Ủy ban nhân dân tỉnh Quảng Ngãi"),
    ("domain", "tinnhiemmang.vn", "tinnhiemmang.vn", "Cục An toàn thông tin – Tín Nhiệm Mạng"),
    ("phone", "VN:113", "113", "Công an – số khẩn cấp"),
    ("phone", "VN:5656", "5656", "Đầu số phản ánh tin nhắn, cuộc gọi rác"),
    ("domain", "vietcombank.com.vn", "vietcombank.com.vn", "Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)"),
    ("phone", "+841900545413", "1900 545413", "Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)"),
    ("domain", "bidv.com.vn", "bidv.com.vn", "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV)"),
    ("phone", "+8419009247", "1900 9247", "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV)"),
    ("domain", "vietinbank.vn", "vietinbank.vn", "Ngân hàng TMCP Công Thương Việt Nam (VietinBank)"),
    ("domain", "agribank.com.vn", "agribank.com.vn", "Ngân hàng Nông nghiệp và Phát triển Nông thôn (Agribank)"),
]


def seed(apps, schema_editor):
    allowed = apps.get_model("indicators", "AllowedIndicator")
    for kind, value, display, organisation in SEED:
        allowed.objects.get_or_create(
            kind=kind,
            value=value,
            defaults={"display": display, "organisation": organisation, "note": NOTE, "verified": False},
        )


def unseed(apps, schema_editor):
    allowed = apps.get_model("indicators", "AllowedIndicator")
    for kind, value, _display, _organisation in SEED:
        allowed.objects.filter(kind=kind, value=value, verified=False, note=NOTE).delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0004_status_history_allowlist_appeals_partners_imports")]

    operations = [migrations.RunPython(seed, unseed)]
