"""The report form on a 360 px phone, with JavaScript and without: the anonymous choice, the parts and their
indicator, files checked before upload and sent with a progress bar, files to choose again after an error,
former place names answered with today's commune, and one incident counted once however often it is sent."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from PIL import Image

from toandan.reports import repeats
from toandan.reports.models import Report, ReporterIdentity
from toandan.web.testing import staff_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
STORY = (
    "Có người gọi từ số 0912 345 678 xưng là công an phường, nói tôi liên quan đường dây rửa tiền và bảo "
    "chuyển 5 triệu vào tài khoản Vietcombank 0123456789 để xác minh."
)
MAX_PAGE_BYTES = 100_000


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (10, 120, 200)).save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def phone(browser: Any, live_server: Any, units: None) -> Iterator[Any]:
    """phone(js=True) → a page in a 360 px context; CSP violations and outside requests fail the test."""
    contexts: list[Any] = []
    problems: list[str] = []

    def make(js: bool = True) -> Any:
        context = browser.new_context(
            viewport={"width": 360, "height": 740}, locale="vi-VN", java_script_enabled=js
        )
        context.set_default_timeout(30_000)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda msg: problems.append(msg.text) if "Content Security Policy" in msg.text else None,
        )
        page.on(
            "request",
            lambda req: problems.append(req.url) if not req.url.startswith(live_server.url) else None,
        )
        page.goto(live_server.url + "/to-giac/")
        return page

    yield make
    for context in contexts:
        context.close()
    assert not problems, problems


def accessible_without_js(browser: Any, page: Any, assert_accessible: Any) -> None:
    """axe-core needs JavaScript: the page as the JS-off browser has it (scripts removed) is served again at
    its own address to a JS-enabled page, with the same styles, and checked there."""
    html = re.sub(r"<script\b[^>]*>.*?</script>", "", page.content(), flags=re.DOTALL)
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    copy = context.new_page()
    copy.route(page.url, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    copy.goto(page.url)
    try:
        assert_accessible(copy)
    finally:
        context.close()


def fill_story(page: Any, place: str = "Phường Cẩm Thành") -> None:
    page.get_by_label("Bạn muốn tố giác việc gì?").select_option(label="Lừa đảo, chiếm đoạt tài sản qua mạng")
    page.get_by_label("Chuyện gì đã xảy ra?").fill(STORY)
    page.get_by_label("Xã, phường nơi xảy ra (hoặc nơi bạn ở)").fill(place)
    page.get_by_label("Số tiền bị mất (đồng)").fill("5 triệu")
    page.get_by_label(re.compile("^Số điện thoại, số tài khoản")).fill("0912345678")


def submit(page: Any) -> None:
    page.get_by_role("button", name="Gửi tố giác").click()


def test_anonymous_choice_hides_identity_fields(phone: Any, assert_accessible: Any) -> None:
    page = phone()
    contact = page.locator("#contact")
    assert contact.is_visible() and not page.locator("[data-no-js-note]").is_visible()
    # The question is a fieldset whose legend is the question.
    question = page.locator(
        "fieldset.question", has=page.locator("legend", has_text="để lại thông tin liên lạc")
    )
    assert question.count() == 1
    page.get_by_label("Không, tôi gửi ẩn danh").check()
    contact.wait_for(state="hidden")
    assert page.locator("[data-anonymous-note]").is_visible()
    page.get_by_label("Có, để cơ quan công an liên hệ khi cần").check()
    contact.wait_for(state="visible")
    # The parts: four legends numbered, and the list of parts marks the one being filled.
    assert page.locator("fieldset.step legend").all_inner_texts()[0].startswith("Phần 1/4")
    page.get_by_label("Số tiền bị mất (đồng)").focus()
    assert page.locator("[data-step-link='2']").get_attribute("aria-current") == "step"
    assert page.locator("[data-step-progress]").get_attribute("value") == "2"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)


def test_without_javascript_identity_is_shown_with_a_note_and_ignored(
    phone: Any, browser: Any, assert_accessible: Any
) -> None:
    page = phone(js=False)
    assert page.locator("#contact").is_visible()
    assert "sẽ bị bỏ qua" in page.locator("[data-no-js-note]").inner_text()
    assert page.locator("nav.steps li").count() == 4
    accessible_without_js(browser, page, assert_accessible)
    fill_story(page)
    page.get_by_label("Không, tôi gửi ẩn danh").check()
    page.get_by_label("Họ và tên").fill("Nguyễn Văn Bình")
    page.get_by_label("Số điện thoại", exact=True).fill("số lung tung")  # invalid, and ignored
    page.get_by_label("Tôi đồng ý với việc xử lý dữ liệu cá nhân nêu trên.").check()
    submit(page)
    page.wait_for_url("**/to-giac/da-gui/")
    report = Report.objects.get()
    assert report.anonymous and not ReporterIdentity.objects.exists()


def test_files_are_checked_in_the_browser_and_kept_after_an_error(phone: Any, assert_accessible: Any) -> None:
    page = phone()
    picker = page.get_by_label("Ảnh chụp, ghi âm, tệp PDF làm bằng chứng")
    picker.set_input_files(
        [{"name": "chuong-trinh.exe", "mimeType": "application/x-msdownload", "buffer": b"MZ"}]
    )
    errors = page.locator("[data-file-errors]")
    errors.wait_for(state="visible")
    assert "chuong-trinh.exe" in errors.inner_text() and "hãy chọn lại" in errors.inner_text()
    assert page.evaluate("document.querySelector('input[type=file]').files.length") == 0
    big = {
        "name": "to-qua.jpg",
        "mimeType": "image/jpeg",
        "buffer": b"\xff\xd8\xff" + bytes(11 * 1024 * 1024),
    }
    picker.set_input_files([big])
    assert "lớn hơn 10 MB" in errors.inner_text()
    assert_accessible(page)

    # A good photo, but the consent forgotten: sent by the script with its progress bar, the page comes
    # back with the error, and the photo is still chosen.
    fill_story(page)
    page.get_by_label("Không, tôi gửi ẩn danh").check()
    picker.set_input_files([{"name": "man-hinh.jpg", "mimeType": "image/jpeg", "buffer": photo()}])
    assert page.locator("[data-file-list]").inner_text().startswith("man-hinh.jpg")
    with page.expect_response(lambda r: r.request.method == "POST" and r.status == 400) as sent:
        submit(page)
    assert sent.value.request.headers.get("x-toandan-upload") == "1"
    page.locator("#form-errors").wait_for()
    assert "vẫn được giữ" in page.locator("[data-files-again]").inner_text()
    assert page.evaluate("document.querySelector('input[type=file]').files.length") == 1
    assert_accessible(page)
    page.get_by_label("Tôi đồng ý với việc xử lý dữ liệu cá nhân nêu trên.").check()
    submit(page)
    page.wait_for_url("**/to-giac/da-gui/")
    assert Report.objects.get().evidence.count() == 1


def test_without_javascript_the_page_says_files_must_be_chosen_again(
    phone: Any, browser: Any, assert_accessible: Any
) -> None:
    page = phone(js=False)
    fill_story(page)
    page.get_by_label("Không, tôi gửi ẩn danh").check()
    page.get_by_label("Ảnh chụp, ghi âm, tệp PDF làm bằng chứng").set_input_files(
        [{"name": "man-hinh.jpg", "mimeType": "image/jpeg", "buffer": photo()}]
    )
    submit(page)  # consent forgotten
    note = page.locator("#files-again")
    assert "hãy chọn lại tệp" in note.inner_text() and "1 tệp" in note.inner_text()
    assert not Report.objects.exists()
    accessible_without_js(browser, page, assert_accessible)


def test_former_place_names_are_answered_with_todays_commune(phone: Any, assert_accessible: Any) -> None:
    page = phone()
    page.get_by_label("Xã, phường nơi xảy ra (hoặc nơi bạn ở)").fill("Trần Phú, TP Quảng Ngãi")
    note = page.locator("[data-place-note]")
    note.wait_for(state="visible")
    assert "nay là Phường Nghĩa Lộ" in note.inner_text()
    page.get_by_label("Xã, phường nơi xảy ra (hoặc nơi bạn ở)").fill("huyen son tinh")
    note.filter(has_text="Xã Sơn Tịnh").wait_for()
    assert "Huyện Sơn Tịnh (trước 1/7/2025) nay gồm" in note.inner_text()
    assert_accessible(page)


def test_without_javascript_a_former_name_is_stored_as_todays_commune(
    phone: Any, browser: Any, assert_accessible: Any
) -> None:
    page = phone(js=False)
    fill_story(page, place="tran hung dao")  # two former wards of that name
    page.get_by_label("Không, tôi gửi ẩn danh").check()
    submit(page)
    error = page.locator("#id_commune_errors").inner_text()
    assert "Phường Cẩm Thành" in error and "Phường Đăk BLa" in error and "Thành phố Kon Tum" in error
    accessible_without_js(browser, page, assert_accessible)
    page.get_by_label("Xã, phường nơi xảy ra (hoặc nơi bạn ở)").fill("Nghĩa Chánh, TP Quảng Ngãi")
    page.get_by_label("Tôi đồng ý với việc xử lý dữ liệu cá nhân nêu trên.").check()
    submit(page)
    page.wait_for_url("**/to-giac/da-gui/")
    assert Report.objects.get().commune.name == "Phường Cẩm Thành"


@pytest.mark.parametrize("js", [True, False])
def test_one_incident_sent_four_times_counts_once(
    phone: Any,
    browser: Any,
    live_server: Any,
    provincial_officer: Any,
    assert_accessible: Any,
    settings: Any,
    js: bool,
) -> None:
    # Without JavaScript there is no proof of work, and an address may send only 3 such reports an hour.
    settings.REPORT_RATE_WITHOUT_POW = "10/h"
    for _n in range(4):
        page = phone(js=js)
        fill_story(page)
        page.get_by_label("Không, tôi gửi ẩn danh").check()
        page.get_by_label("Tôi đồng ý với việc xử lý dữ liệu cá nhân nêu trên.").check()
        submit(page)
        page.wait_for_url("**/to-giac/da-gui/")
    repeats.sweep()  # what the worker does every 30 seconds
    assert Report.objects.count() == 4 and Report.objects.incidents().count() == 1
    page.goto(live_server.url + "/tra-cuu/?q=0912345678")
    answer = page.locator("main").inner_text()
    # "… đã bị người dân tố giác 1 lần …" (one incident), never four.
    assert re.search(r"\b1 (lần|tố giác)", answer) and not re.search(r"\b4 (lần|tố giác)", answer)
    accessible_without_js(browser, page, assert_accessible) if not js else assert_accessible(page)
    # The officer's queue at 360 px: one row for the incident, its three repeats grouped under it.
    client = staff_client(provincial_officer)
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="vi-VN", java_script_enabled=js
    )
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    officer = context.new_page()
    officer.goto(live_server.url + "/can-bo/to-giac/?view=all")
    officer.get_by_role("link", name="+3 gửi lại có thể trùng").click()
    assert officer.locator("#repeat-group").is_visible() and officer.locator("tbody tr").count() == 4
    accessible_without_js(browser, officer, assert_accessible) if not js else assert_accessible(officer)
    officer.goto(live_server.url + "/can-bo/to-giac/thong-ke/")
    figures = officer.locator("#figures").inner_text()
    assert "5000000" in figures.replace(".", "").replace(" ", "") and "20000000" not in figures.replace(
        ".", ""
    )
    context.close()


def test_report_page_stays_small(phone: Any, live_server: Any) -> None:
    page = phone()
    sizes: list[int] = []
    page.on("response", lambda r: sizes.append(len(r.body())) if r.url.startswith(live_server.url) else None)
    page.reload()
    page.wait_for_load_state("networkidle")
    assert 0 < sum(sizes) < MAX_PAGE_BYTES, sizes
