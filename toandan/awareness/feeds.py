"""Feeds for partner newsrooms (RSS 2.0 and Atom, per category and audience with ?chuyen-muc= and
?doi-tuong=), with the full sanitised body and absolute image addresses; the OpenSearch description."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from toandan.awareness import reach
from toandan.awareness.models import Audience, Category, Channel, ContentItem
from toandan.awareness.rendering import IMAGE_PREFIX
from toandan.awareness.rendering import render as render_markdown
from toandan.core.ratelimit import hit, too_many_requests

FEED_SIZE = 30


class RssFeed(Feed):
    """The latest published content, optionally of one category or audience."""

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if hit(request, "awareness-feed", "60/m"):
            return too_many_requests(request)
        self.request = request
        reach.count(Channel.FEED)
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        selected: dict[str, Any] = {}
        slug = request.GET.get("chuyen-muc", "")[:60]
        code = request.GET.get("doi-tuong", "")[:20]
        if slug:
            selected["category"] = Category.objects.filter(slug=slug).first()
            if selected["category"] is None:
                raise Http404
        if code:
            selected["audience"] = Audience.objects.filter(code=code).first()
            if selected["audience"] is None:
                raise Http404
        return selected

    def title(self, obj: dict[str, Any]) -> str:
        parts = [_("Toàn Dân – Tuyên truyền an toàn không gian mạng")]
        parts += [str(obj[k]) for k in ("category", "audience") if obj.get(k)]
        return " – ".join(parts)

    def link(self, obj: dict[str, Any]) -> str:
        return reverse("awareness:index")

    def description(self, obj: dict[str, Any]) -> str:
        return _("Cảnh báo lừa đảo, bài viết và văn bản pháp luật do các cơ quan của tỉnh Quảng Ngãi đăng.")

    def items(self, obj: dict[str, Any]) -> Any:
        qs = ContentItem.objects.live().select_related("category", "unit").prefetch_related("images")
        if obj.get("category"):
            qs = qs.filter(category=obj["category"])
        if obj.get("audience"):
            qs = qs.filter(audiences=obj["audience"])
        return qs.order_by("-published_at", "-id")[:FEED_SIZE]

    def item_title(self, item: ContentItem) -> str:
        return item.title

    def item_description(self, item: ContentItem) -> str:
        base = self.request.build_absolute_uri("/")[:-1]
        html = ""
        if item.summary:
            html += f"<p><strong>{escape(item.summary)}</strong></p>"
        if item.masked_example:
            html += f"<blockquote>{escape(item.masked_example)}</blockquote>"
        if item.what_to_do:
            html += render_markdown(item.what_to_do)
        html += render_markdown(item.body).replace(f'src="{IMAGE_PREFIX}', f'src="{base}{IMAGE_PREFIX}')
        for picture in item.images.all():
            html += (
                f'<figure><img src="{base}{picture.get_absolute_url()}" alt="{escape(picture.alt)}">'
                f"<figcaption>{escape(picture.caption or picture.alt)}</figcaption></figure>"
            )
        return html

    def item_pubdate(self, item: ContentItem) -> Any:
        return item.published_at

    def item_updateddate(self, item: ContentItem) -> Any:
        return item.updated_at

    def item_author_name(self, item: ContentItem) -> str:
        return item.unit.name

    def item_categories(self, item: ContentItem) -> list[str]:
        return [item.category.name] if item.category else []


class FullContentAtom(Atom1Feed):
    """Atom with the whole sanitised body in <content type="html"> rather than a <summary>."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, {**item, "description": None})
        if item.get("description"):
            handler.addQuickElement("content", item["description"], {"type": "html"})


class AtomFeed(RssFeed):
    feed_type = FullContentAtom

    def subtitle(self, obj: dict[str, Any]) -> str:
        return self.description(obj)


def opensearch(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "awareness/opensearch.xml",
        {"base": request.build_absolute_uri("/")[:-1]},
        content_type="application/opensearchdescription+xml",
    )
