"""Public directory endpoints: the communes/wards a citizen picks from."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from toandan.identifiers.names import name_key
from toandan.orgs.models import Unit, UnitKind

router = Router(tags=["orgs"])


class CommuneOut(Schema):
    code: str
    name: str
    gso_code: str


@router.get("/communes", response=list[CommuneOut], summary="Communes and wards of the province")
def communes(request: HttpRequest, q: str = "") -> list[dict[str, str]]:
    units = Unit.objects.active().filter(kind=UnitKind.COMMUNE)
    if q.strip():
        units = units.filter(name_key__contains=name_key(q)[:100])
    return list(units.order_by("name").values("code", "name", "gso_code"))
