"""Staff pages of the organisation directory, limited to the units each person may see."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from toandan.accounts.permissions import get_visible_or_404, staff_required
from toandan.identifiers.names import name_key
from toandan.orgs.models import Unit, UnitKind


@staff_required
def unit_list(request: HttpRequest) -> HttpResponse:
    units = Unit.objects.visible_to(request.user).select_related("parent")  # type: ignore[arg-type]
    kind = request.GET.get("kind", "")
    if kind in UnitKind.values:
        units = units.filter(kind=kind)
    if not request.GET.get("all"):
        units = units.filter(is_active=True)
    if q := request.GET.get("q", "").strip():
        units = units.filter(name_key__contains=name_key(q))
    page = Paginator(units, 50).get_page(request.GET.get("page"))
    return render(request, "web/unit_list.html", {"page": page, "kinds": UnitKind.choices, "kind": kind})


@staff_required
def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    unit = get_visible_or_404(Unit.objects.select_related("parent", "area"), request.user, code=code)
    children = Unit.objects.visible_to(request.user).filter(parent=unit)  # type: ignore[arg-type]
    members = unit.memberships.select_related("user")  # type: ignore[attr-defined]
    return render(request, "web/unit_detail.html", {"unit": unit, "children": children, "members": members})
