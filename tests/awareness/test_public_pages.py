"""Citizen pages: safe Markdown, legal article anchors and references, images with alternative text, the
list by kind/category/audience, page weight, feeds parsed by a feed parser, OpenSearch and the print page."""

from __future__ import annotations

import io
from typing import Any

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from PIL import Image

from toandan.accounts.models import User
from toandan.awareness import services
from toandan.awareness.models import Audience, Category, ContentImage, Kind
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def _jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_body_is_sanitised_and_legal_references_link_to_article_anchors(make_item: Any) -> None:
    law = make_item(
        "Luật An ninh mạng 2018",
        kind=Kind.LEGAL,
        short_name="Luật An ninh mạng",
        doc_number="24/2018/QH14",
        body="## Điều 8. Các hành vi bị nghiêm cấm\n\nNội dung điều 8.",
    )
    article = make_item(
        "Đăng tin sai sự thật bị xử lý thế nào",
        body="Xem [[Điều 8 Luật An ninh mạng]].\n\n<script>alert(1)</script> [x](javascript:alert(1))",
    )
    law_page = Client().get(law.get_absolute_url()).content.decode()
    assert 'id="dieu-8"' in law_page and "24/2018/QH14" in law_page
    page = Client().get(article.get_absolute_url()).content.decode()
    assert f'href="{law.get_absolute_url()}#dieu-8"' in page
    assert "<script>alert" not in page and "javascript:alert" not in page.replace(
        "[x](javascript:alert(1))", ""
    )


def test_image_is_reencoded_without_metadata_and_needs_alt_text(make_item: Any, editor: User) -> None:
    item = make_item("Có ảnh")
    client = staff_client(editor)
    url = reverse("awareness:staff_image", args=[item.pk])
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.post(url, {"image": SimpleUploadedFile("a.jpg", _jpeg_with_exif()), "alt": ""})
    assert not ContentImage.objects.exists()
    client.post(url, {"image": SimpleUploadedFile("a.jpg", b"not an image at all"), "alt": "x"})
    assert not ContentImage.objects.exists()
    client.post(url, {"image": SimpleUploadedFile("a.jpg", _jpeg_with_exif()), "alt": "Tin nhắn giả mạo"})
    picture = ContentImage.objects.get()
    with Image.open(picture.file.open("rb")) as stored:
        assert not stored.getexif()
    page = Client().get(item.get_absolute_url()).content.decode()
    assert f'src="{picture.get_absolute_url()}" alt="Tin nhắn giả mạo"' in page
    assert Client().get(picture.get_absolute_url()).status_code == 200
    with pytest.raises(ValidationError):
        services.add_image(item, _jpeg_with_exif(), "b.jpg", alt="  ", actor=editor)


def test_list_filters_and_page_weight(make_item: Any) -> None:
    category = Category.objects.create(slug="lua-dao-qua-mang", name="Lừa đảo qua mạng")
    elderly = Audience.objects.get(code="elderly")
    item = make_item(
        "Cảnh báo cho người cao tuổi",
        kind=Kind.WARNING,
        category=category,
        masked_example="Con bạn bị tai nạn, chuyển gấp [số tiền].",
    )
    item.audiences.add(elderly)
    make_item("Bài viết khác")
    client = Client()
    for query in ({"loai": "warning"}, {"chuyen-muc": category.slug}, {"doi-tuong": "elderly"}):
        page = client.get(reverse("awareness:index"), query).content.decode()
        assert item.title in page and "Bài viết khác" not in page, query
    assert client.get(reverse("awareness:index"), {"chuyen-muc": "khong-co"}).status_code == 404
    response = client.get(item.get_absolute_url())
    body = response.content.decode()
    assert len(response.content) < 100_000
    assert 'rel="alternate" type="application/atom+xml"' in body and "opensearchdescription" in body
    assert "Con bạn bị tai nạn" in body and "facebook.com/sharer" in body


def test_feeds_parse_with_full_body_per_category_and_audience(make_item: Any) -> None:
    category = Category.objects.create(slug="phap-luat", name="Pháp luật")
    item = make_item("Điều cần biết về OTP", body="Không bao giờ **đọc mã OTP** cho ai.", category=category)
    make_item("Tin khác")
    for name in ("awareness:atom", "awareness:rss"):
        parsed = feedparser.parse(Client().get(reverse(name)).content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        titles = [e.title for e in parsed.entries]
        assert titles[:2] == ["Tin khác", "Điều cần biết về OTP"] or set(titles) == {"Tin khác", item.title}
        entry = next(e for e in parsed.entries if e.title == item.title)
        assert "<strong>đọc mã OTP</strong>" in (entry.get("summary") or entry.content[0].value)
        assert entry.link.endswith(item.get_absolute_url())
        by_category = feedparser.parse(Client().get(reverse(name), {"chuyen-muc": "phap-luat"}).content)
        assert [e.title for e in by_category.entries] == [item.title]
    assert Client().get(reverse("awareness:atom"), {"doi-tuong": "nobody"}).status_code == 404


def test_opensearch_and_print_page_with_qr(make_item: Any) -> None:
    item = make_item("Bản in cảnh báo", kind=Kind.WARNING, masked_example="Tin nhắn mẫu")
    description = Client().get(reverse("awareness:opensearch"))
    assert description["Content-Type"].startswith("application/opensearchdescription+xml")
    assert b"/tuyen-truyen/tim-kiem/?q={searchTerms}" in description.content
    page = Client().get(reverse("awareness:print", args=[item.slug])).content.decode()
    assert "<svg" in page and f"http://testserver{item.get_absolute_url()}" in page


def test_print_pdf_holds_the_title_and_the_qr_codes_url(make_item: Any) -> None:
    from pypdf import PdfReader

    item = make_item(
        "Cảnh báo lừa đảo đầu tư tiền ảo",
        kind=Kind.WARNING,
        masked_example="Nạp [số tiền] để nhận lãi 30% mỗi ngày.",
        what_to_do="- Không nạp tiền.\n- Báo công an xã.",
        body="## Dấu hiệu\n\nLãi suất **quá cao**.",
    )
    response = Client().get(reverse("awareness:print_pdf", args=[item.slug]))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    url = f"http://testserver{item.get_absolute_url()}"
    assert "Cảnh báo lừa đảo đầu tư tiền ảo" in text and "lãi 30%" in text and url in text.replace("\n", "")
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    assert url in links
    images = [name for page in reader.pages for name in page.images]
    assert images, "the QR code image is missing"
