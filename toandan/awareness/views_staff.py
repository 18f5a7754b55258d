"""Staff pages under /can-bo/tuyen-truyen/: the list, writing and editing, the workflow steps, images,
versions and the difference between two of them."""

from __future__ import annotations

import difflib
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toandan.accounts.permissions import get_visible_or_404, staff_required
from toandan.awareness import permissions, services
from toandan.awareness.forms import ContentForm, ImageForm, TransitionForm
from toandan.awareness.models import ContentItem, ContentVersion, Kind, Status
from toandan.awareness.rendering import render as render_markdown
from toandan.awareness.views_public import legal_resolver
from toandan.orgs.models import Unit

ACTIONS = {
    "gui-duyet": Status.REVIEW,
    "tra-lai": Status.DRAFT,
    "dang": Status.PUBLISHED,
    "luu-tru": Status.ARCHIVED,
    "mo-lai": Status.DRAFT,
}
PAGE_SIZE = 100


def _item(request: HttpRequest, pk: int) -> ContentItem:
    return get_visible_or_404(ContentItem.objects.select_related("unit", "category"), request.user, pk=pk)  # type: ignore[return-value]


@staff_required
def item_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("trang-thai", "")
    items = ContentItem.objects.visible_to(request.user).select_related("unit")  # type: ignore[arg-type]
    if status in Status.values:
        items = items.filter(status=status)
    return render(
        request,
        "awareness/staff_list.html",
        {
            "items": list(items.order_by("-updated_at")[:PAGE_SIZE]),
            "status": status,
            "statuses": Status.choices,
            "kinds": Kind.choices,
        },
    )


@staff_required
def item_new(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("loai", Kind.ARTICLE)
    if kind not in Kind.values:
        raise Http404
    units = permissions.writable_units(request.user)
    form = ContentForm(request.POST or None, kind=kind, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.item_data()
        item = ContentItem(**data)
        try:
            item = services.save_version(
                item,
                {},
                actor=request.user,
                tags=form.cleaned_data["tags"],
                audiences=form.cleaned_data["audiences"],
                communes=form.cleaned_data["communes"],
                note=form.cleaned_data["note"],
                request=request,
            )
        except PermissionDenied:
            form.add_error("unit", _("Bạn không viết bài cho đơn vị này."))
        else:
            messages.success(request, _("Đã lưu bản nháp."))
            return redirect("awareness:staff_item", pk=item.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "awareness/staff_edit.html", {"form": form, "kind_label": Kind(kind).label}, status=status
    )


@staff_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    if not permissions.can_write(request.user, item) and not permissions.can_review(request.user, item):
        raise PermissionDenied
    if item.status not in services.EDITABLE:
        messages.error(
            request, _("Chỉ sửa được bản nháp hoặc bản đang chờ duyệt; hãy đưa về bản nháp trước.")
        )
        return redirect("awareness:staff_item", pk=item.pk)
    writable = permissions.writable_units(request.user).values("pk")
    units = Unit.objects.filter(Q(pk__in=writable) | Q(pk=item.unit_id))
    form = ContentForm(request.POST or None, instance=item, kind=item.kind, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_version(
                item,
                form.item_data(),
                actor=request.user,
                tags=form.cleaned_data["tags"],
                audiences=form.cleaned_data["audiences"],
                communes=form.cleaned_data["communes"],
                note=form.cleaned_data["note"],
                request=request,
                check=False,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã lưu phiên bản mới."))
            return redirect("awareness:staff_item", pk=item.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "awareness/staff_edit.html",
        {"form": form, "item": item, "kind_label": Kind(item.kind).label},
        status=status,
    )


@staff_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    return render(
        request,
        "awareness/staff_item.html",
        {
            "item": item,
            "body_html": render_markdown(item.body, legal_resolver()),
            "what_to_do_html": render_markdown(item.what_to_do),
            "versions": list(item.versions.select_related("author").order_by("-number")),
            "events": list(item.events.select_related("actor")),
            "images": list(item.images.all()),
            "can_write": permissions.can_write(request.user, item),
            "can_review": permissions.can_review(request.user, item),
            "transition_form": TransitionForm(),
            "image_form": ImageForm(),
        },
    )


@staff_required
@require_POST
def item_transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    item = _item(request, pk)
    target = ACTIONS.get(action)
    if target is None:
        raise Http404
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Thời điểm hẹn giờ không hợp lệ."))
        return redirect("awareness:staff_item", pk=item.pk)
    try:
        services.transition(
            item,
            target,
            actor=request.user,
            note=form.cleaned_data["note"],
            publish_at=form.cleaned_data["publish_at"] if target == Status.PUBLISHED else None,
            request=request,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã chuyển trạng thái."))
    return redirect("awareness:staff_item", pk=item.pk)


@staff_required
@require_POST
def item_image(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    form = ImageForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["image"]
        data = upload.read(services.files.MAX_IMAGE_BYTES + 1)
        try:
            services.add_image(
                item,
                data,
                upload.name,
                alt=form.cleaned_data["alt"],
                caption=form.cleaned_data["caption"],
                actor=request.user,
                request=request,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã thêm ảnh."))
    else:
        errors = [str(e) for field in form for e in field.errors]
        messages.error(request, " ".join(errors) or _("Ảnh không hợp lệ."))
    return redirect("awareness:staff_item", pk=item.pk)


def _version_lines(version: ContentVersion) -> list[str]:
    lines = [f"# {version.title}", "", version.summary, ""]
    lines += version.body.splitlines()
    for name, value in sorted(version.extra.items()):
        lines += ["", f"[{name}]", *str(value or "").splitlines()]
    return lines


@staff_required
def item_diff(request: HttpRequest, pk: int) -> HttpResponse:
    """Line differences between two versions (?a=&b=, the last two by default)."""
    item = _item(request, pk)
    versions = {v.number: v for v in item.versions.all()}
    try:
        b = int(request.GET.get("b") or item.version)
        a = int(request.GET.get("a") or b - 1)
    except ValueError as exc:
        raise Http404 from exc
    if a not in versions or b not in versions:
        raise Http404
    lines: list[tuple[str, str]] = []
    for line in difflib.unified_diff(
        _version_lines(versions[a]), _version_lines(versions[b]), f"v{a}", f"v{b}", lineterm="", n=2
    ):
        kind = "add" if line.startswith("+") else "del" if line.startswith("-") else "ctx"
        if line.startswith(("+++", "---")):
            kind = "head"
        lines.append((kind, line))
    context: dict[str, Any] = {"item": item, "a": a, "b": b, "lines": lines, "numbers": sorted(versions)}
    return render(request, "awareness/staff_diff.html", context)
