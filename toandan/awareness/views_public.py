"""Citizen pages under /tuyen-truyen/: the list by kind, category and audience, one item, search, images and
the read-aloud audio. Every page works without JavaScript."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from toandan.awareness import permissions, reach
from toandan.awareness.models import Audience, Category, Channel, ContentImage, ContentItem, Kind, Status
from toandan.awareness.rendering import LegalResolver
from toandan.awareness.rendering import render as render_markdown
from toandan.awareness.search import search as search_items
from toandan.core.ratelimit import hit, too_many_requests

PAGE_SIZE = 20
MAX_QUERY = 200


LEGAL_NAMES_KEY = "awareness:legal-names"


def legal_resolver() -> LegalResolver:
    """Resolve a folded short name ("luat an ninh mang") to the URL of its published legal document (the map
    is cached for a minute and dropped whenever an item changes status)."""
    from toandan.awareness.folding import fold

    def names() -> dict[str, str]:
        return {
            fold(short): ContentItem(slug=slug).get_absolute_url()
            for short, slug in ContentItem.objects.live()
            .filter(kind=Kind.LEGAL)
            .exclude(short_name="")
            .values_list("short_name", "slug")
        }

    return cache.get_or_set(LEGAL_NAMES_KEY, names, 60).get


def _listing(request: HttpRequest) -> tuple[object, dict[str, object]]:
    items = ContentItem.objects.live().select_related("category")
    filters: dict[str, object] = {}
    kind = request.GET.get("loai", "")
    if kind in Kind.values:
        items = items.filter(kind=kind)
        filters["kind"] = kind
    category = request.GET.get("chuyen-muc", "")
    if category:
        filters["category"] = get_object_or_404(Category, slug=category[:60])
        items = items.filter(category=filters["category"])
    audience = request.GET.get("doi-tuong", "")
    if audience:
        filters["audience"] = get_object_or_404(Audience, code=audience[:20])
        items = items.filter(audiences=filters["audience"])
    return items, filters


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    items, filters = _listing(request)
    page = Paginator(items.only(*CARD_FIELDS), PAGE_SIZE).get_page(request.GET.get("page"))
    query = "&".join(f"{k}={v}" for k, v in request.GET.items() if k != "page" and v)[:300]
    return render(
        request,
        "awareness/index.html",
        {
            "page": page,
            "query": query,
            "filters": filters,
            "kinds": Kind.choices,
            "categories": Category.objects.all(),
            "audiences": Audience.objects.all(),
        },
    )


CARD_FIELDS = ("kind", "slug", "title", "summary", "published_at", "category__name", "category__slug")


@require_safe
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    item = ContentItem.objects.live().select_related("category", "scam_category").filter(slug=slug).first()
    preview = False
    if item is None:
        # Staff who can write or review it see an unpublished item as a preview.
        item = get_object_or_404(ContentItem.objects.select_related("category", "unit"), slug=slug)
        if not (permissions.can_write(request.user, item) or permissions.can_review(request.user, item)):
            raise Http404
        preview = True
    if not preview:
        reach.count(Channel.PAGE, item.pk)
    resolver = legal_resolver()
    return render(
        request,
        "awareness/detail.html",
        {
            "item": item,
            "preview": preview,
            "body_html": render_markdown(item.body, resolver),
            "what_to_do_html": render_markdown(item.what_to_do),
            "images": list(item.images.all()),
            "audiences": list(item.audiences.all()),
            "tags": list(item.tags.all()),
            "page_url": request.build_absolute_uri(item.get_absolute_url()),
        },
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    page = None
    if query:
        if hit(request, "awareness-search", getattr(settings, "AWARENESS_SEARCH_RATE", "60/m")):
            return too_many_requests(request)
        results = search_items(query).select_related("category").only(*CARD_FIELDS)
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "awareness/search.html",
        {"q": query, "page": page, "query": f"q={query}" if query else "", "title": _("Tìm kiếm")},
    )


def _can_see(request: HttpRequest, item: ContentItem) -> bool:
    if ContentItem.objects.live().filter(pk=item.pk).exists():
        return True
    return item.status != Status.ARCHIVED and (
        permissions.can_write(request.user, item) or permissions.can_review(request.user, item)
    )


@require_safe
def image(request: HttpRequest, pk: int) -> FileResponse:
    picture = get_object_or_404(ContentImage.objects.select_related("item__unit"), pk=pk)
    if not _can_see(request, picture.item):
        raise Http404
    response = FileResponse(picture.file.open("rb"), content_type=picture.content_type)
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def audio(request: HttpRequest, slug: str) -> FileResponse:
    item = get_object_or_404(ContentItem.objects.live(), slug=slug)
    if not item.audio:
        raise Http404
    download = request.GET.get("tai") == "1"
    if "bytes=0-" in request.headers.get("Range", "bytes=0-"):  # a player's later range requests: same play
        reach.count(Channel.AUDIO, item.pk)
    # Files made before MP3 stay WAV until their text changes: the type follows the stored file.
    kind = "wav" if item.audio.name.endswith(".wav") else "mp3"
    response = FileResponse(
        item.audio.open("rb"),
        content_type="audio/wav" if kind == "wav" else "audio/mpeg",
        as_attachment=download,
        filename=f"{item.slug}.{kind}",
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response
