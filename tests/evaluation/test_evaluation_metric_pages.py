"""Defining indicators and targets through the page: bad input is refused with a message in Vietnamese and
nothing is stored; only the standing agency and administrators may change them."""

from __future__ import annotations

import pytest

from toandan.accounts.models import User
from toandan.evaluation.models import Metric, Target
from toandan.plans.models import Plan
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def test_define_metric_and_target(seed_plan: Plan, provincial_officer: User, steering: User) -> None:
    client = staff_client(provincial_officer)
    url = f"/can-bo/danh-gia/ke-hoach/{seed_plan.pk}/chi-tieu/"
    # Computed without a way of computing it: refused, nothing stored
    response = client.post(
        url, {"define": "1", "m-name": "Tố giác", "m-source": "computed", "m-computed_key": ""}
    )
    assert response.status_code == 400
    assert "Chọn cách tính của chỉ tiêu." in response.content.decode()
    assert not Metric.objects.exists()
    response = client.post(
        url,
        {"define": "1", "m-name": "Tố giác", "m-source": "computed", "m-computed_key": "reports_received"},
    )
    assert response.status_code == 302
    metric = Metric.objects.get()
    assert metric.unit_label == "tố giác"
    period = seed_plan.periods.first()
    response = client.post(
        url, {"target": "1", "t-metric": metric.pk, "t-period": period.pk, "t-value": "-3"}
    )
    assert response.status_code == 400
    assert "Chỉ tiêu không được là số âm." in response.content.decode()
    assert not Target.objects.exists()
    assert (
        client.post(
            url, {"target": "1", "t-metric": metric.pk, "t-period": period.pk, "t-value": "40"}
        ).status_code
        == 302
    )
    assert Target.objects.get().value == 40
    # The steering committee reads but does not define
    steering_client = staff_client(steering)
    assert steering_client.get(url).status_code == 200
    response = steering_client.post(
        url, {"define": "1", "m-name": "X", "m-source": "computed", "m-computed_key": "feed_pulls"}
    )
    assert response.status_code == 403
    assert Metric.objects.count() == 1


def test_citizens_and_anonymous_are_kept_out(seed_plan: Plan, citizen: User) -> None:
    from django.test import Client

    urls = [
        "/can-bo/danh-gia/",
        f"/can-bo/danh-gia/ke-hoach/{seed_plan.pk}/",
        f"/can-bo/danh-gia/ke-hoach/{seed_plan.pk}/bang-dieu-khien.xlsx",
        f"/can-bo/danh-gia/ke-hoach/{seed_plan.pk}/kinh-phi/",
    ]
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(citizen)
    for url in urls:
        response = anonymous.get(url)
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"], url
        assert signed_in.get(url).status_code == 403, url
