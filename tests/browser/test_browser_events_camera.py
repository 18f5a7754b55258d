"""The organiser's camera path of the check-in page in a real browser: Chromium's fake camera plays a video of
a participant's QR code (a Y4M file the test writes from the ticket's own QR image), the page reads the frames
with the vendored decoder (or the BarcodeDetector where the browser has one) and checks the person in."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from browser.conftest import ARGS, CHROMIUM
from browser.test_browser_events import make_event
from django.test import Client
from PIL import Image

from toandan.accounts.models import User
from toandan.events import links
from toandan.events.models import Participant
from toandan.events.registration import Person, register
from toandan.web.testing import staff_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH, HEIGHT, FRAMES = 640, 480, 10


def qr_video(png: bytes, path: Path) -> Path:
    """A short Y4M (4:2:0) video whose every frame shows the QR code centred on white."""
    frame = Image.new("RGB", (WIDTH, HEIGHT), "white")
    code = Image.open(io.BytesIO(png)).convert("RGB")
    side = min(HEIGHT - 80, code.width * 2)
    code = code.resize((side, side), Image.NEAREST)
    frame.paste(code, ((WIDTH - side) // 2, (HEIGHT - side) // 2))
    y, cb, cr = frame.convert("YCbCr").split()
    half = (WIDTH // 2, HEIGHT // 2)
    planes = y.tobytes() + cb.resize(half).tobytes() + cr.resize(half).tobytes()
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F5:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(FRAMES):
            out.write(b"FRAME\n" + planes)
    return path


def test_the_camera_reads_a_ticket_and_checks_the_person_in(
    browser: Any, live_server: Any, commune_a_officer: User, tmp_path: Path, assert_accessible: Any
) -> None:
    event = make_event(commune_a_officer)
    binh = register(event, Person("Trần Thị Bình", phone="0905123456"))
    video = qr_video(Client().get(links.ticket_path(binh.pk) + "qr.png").content, tmp_path / "qr.y4m")

    camera_browser = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=[
            *ARGS,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ],
    )
    try:
        context = camera_browser.new_context(
            locale="vi-VN", viewport={"width": 375, "height": 740}, is_mobile=True, permissions=["camera"]
        )
        context.set_default_timeout(15_000)
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": staff_client(commune_a_officer).cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )
        csp: list[str] = []
        organiser = context.new_page()
        organiser.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
        organiser.goto(live_server.url + f"/can-bo/su-kien/{event.pk}/diem-danh/")
        assert_accessible(organiser)
        organiser.locator("#camera-start").click()
        organiser.wait_for_selector("#camera-stop:visible")
        organiser.wait_for_selector("#scan-log li.ok:has-text('Có mặt: Trần Thị Bình')")
        assert Participant.objects.get(pk=binh.pk).status == "attended"
        # The camera keeps seeing the same code: repeated sightings never fail or check in twice.
        assert organiser.locator("#scan-log li.error").count() == 0
        assert Participant.objects.filter(event=event, status="attended").count() == 1
        organiser.locator("#camera-stop").click()
        assert not csp, csp
    finally:
        camera_browser.close()
