"""The editorial workflow through the staff pages: an editor of the unit writes, a reviewer publishes; every
version is kept and compared; history rows for each step; bad input changes nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from toandan.accounts.models import User
from toandan.awareness import services
from toandan.awareness.models import ContentEvent, ContentItem, ContentVersion, Status
from toandan.awareness.tasks import publish_scheduled
from toandan.core.models import AuditEvent
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def _new(client: Any, unit_id: int, **extra: str) -> Any:
    data = {
        "title": "Cảnh giác lừa đảo việc nhẹ lương cao",
        "summary": "Tóm tắt",
        "body": "Đoạn một.\n\nĐoạn hai.",
        "unit": str(unit_id),
        "note": "bản đầu",
    } | extra
    return client.post(reverse("awareness:staff_new") + "?loai=article", data)


def test_editor_writes_reviewer_publishes_with_versions_and_history(editor: User, reviewer: User) -> None:
    writer, boss = staff_client(editor), staff_client(reviewer)
    unit = editor.memberships.get().unit
    response = _new(writer, unit.pk)
    item = ContentItem.objects.get()
    assert response.status_code == 302 and item.status == Status.DRAFT and item.version == 1
    assert item.slug == "canh-giac-lua-dao-viec-nhe-luong-cao"
    # Not public yet: a citizen gets 404, the editor sees a preview.
    assert writer.get(item.get_absolute_url()).status_code == 200
    from django.test import Client

    assert Client().get(item.get_absolute_url()).status_code == 404

    edit = reverse("awareness:staff_edit", args=[item.pk])
    writer.post(
        edit,
        {
            "title": item.title,
            "summary": "Tóm tắt",
            "body": "Đoạn một.\n\nĐoạn hai đã sửa.",
            "unit": str(unit.pk),
            "note": "sửa đoạn hai",
        },
    )
    item.refresh_from_db()
    assert item.version == 2 and ContentVersion.objects.filter(item=item).count() == 2

    diff = writer.get(reverse("awareness:staff_diff", args=[item.pk]) + "?a=1&b=2").content.decode()
    assert "<del>-Đoạn hai.</del>" in diff and "<ins>+Đoạn hai đã sửa.</ins>" in diff

    # The editor cannot publish; the reviewer can.
    writer.post(reverse("awareness:staff_transition", args=[item.pk, "gui-duyet"]), {"note": ""})
    writer.post(reverse("awareness:staff_transition", args=[item.pk, "dang"]), {"note": ""})
    item.refresh_from_db()
    assert item.status == Status.REVIEW
    boss.post(reverse("awareness:staff_transition", args=[item.pk, "dang"]), {"note": "ok"})
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED and item.published_at is not None
    steps = list(ContentEvent.objects.filter(item=item).values_list("from_status", "to_status"))
    assert steps == [("", "draft"), ("draft", "review"), ("review", "published")]
    assert AuditEvent.objects.filter(object_type="awareness.contentitem", object_id=str(item.pk)).count() == 4
    assert Client().get(item.get_absolute_url()).status_code == 200

    # Published items are not edited in place.
    assert writer.post(edit, {"title": "x", "body": "y", "unit": str(unit.pk)}).status_code == 302
    item.refresh_from_db()
    assert item.title == "Cảnh giác lừa đảo việc nhẹ lương cao" and item.version == 2


def test_staff_of_another_unit_neither_see_nor_write(editor: User, commune_b_officer: User) -> None:
    writer, other = staff_client(editor), staff_client(commune_b_officer)
    _new(writer, editor.memberships.get().unit.pk)
    item = ContentItem.objects.get()
    assert other.get(reverse("awareness:staff_item", args=[item.pk])).status_code == 404
    # Writing for a unit outside one's own is refused with a message; nothing is stored.
    response = _new(other, editor.memberships.get().unit.pk, title="Khác")
    assert response.status_code == 400 and ContentItem.objects.count() == 1
    with pytest.raises(PermissionDenied):
        services.transition(item, Status.REVIEW, actor=commune_b_officer)


def test_bad_input_is_refused_in_vietnamese_and_stores_nothing(editor: User) -> None:
    writer = staff_client(editor)
    response = _new(writer, editor.memberships.get().unit.pk, title="")
    assert response.status_code == 400 and "Trường này là bắt buộc" in response.content.decode()
    assert ContentItem.objects.count() == 0
    assert writer.get(reverse("awareness:staff_new") + "?loai=khong-co").status_code == 404


def test_scheduled_item_appears_on_time_and_the_worker_flips_it(
    make_item: Any, reviewer: User, editor: User
) -> None:
    item = make_item("Hẹn giờ", publish=False)
    services.transition(item, Status.REVIEW, actor=editor)
    later = timezone.now() + timedelta(hours=2)
    item = services.transition(item, Status.PUBLISHED, actor=reviewer, publish_at=later)
    assert item.status == Status.SCHEDULED
    assert not ContentItem.objects.live().filter(pk=item.pk).exists()
    assert ContentItem.objects.live(now=later + timedelta(minutes=1)).filter(pk=item.pk).exists()
    assert publish_scheduled.call() == 0  # not yet due
    assert services.publish_due(now=later + timedelta(minutes=1)) == 1
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED and item.published_at == later


def test_transitions_outside_the_workflow_are_refused(make_item: Any, reviewer: User) -> None:
    item = make_item("Đã đăng")
    with pytest.raises(ValidationError):
        services.transition(item, Status.REVIEW, actor=reviewer)
    item = services.transition(item, Status.ARCHIVED, actor=reviewer)
    assert not ContentItem.objects.live().filter(pk=item.pk).exists()
