"""Markdown to safe HTML: markdown-it-py with raw HTML off, then nh3 keeps only an allow-list of tags.

Two additions for the legal library: a heading that starts with "Điều N" gets the anchor `dieu-N`, so a page
can link to one article of a law; and `[[Điều 8 Luật An ninh mạng]]` in any body becomes a link to that
article when a published legal document has that short name.
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable

import nh3
from markdown_it import MarkdownIt

from toandan.awareness.folding import fold

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "a",
    "img",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "th": {"scope"},
}
IMAGE_PREFIX = "/tuyen-truyen/anh/"

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_ARTICLE_HEADING = re.compile(r"<(h[2-4])>(Điều\s+(\d+)[a-zđ]?\b)", re.IGNORECASE)
_LEGAL_REF = re.compile(r"\[\[\s*Điều\s+(\d+)\s+([^\]]{3,120}?)\s*\]\]")
# The body's own headings start at h2 (the page title is the h1): "# x" becomes h2, "## x" h3…
_SHIFT = re.compile(r"<(/?)h([1-3])>")

LegalResolver = Callable[[str], str | None]


def _shift(match: re.Match[str]) -> str:
    return f"<{match.group(1)}h{int(match.group(2)) + 1}>"


def link_legal_references(text: str, resolve: LegalResolver) -> str:
    """Replace [[Điều N Short name]] by a Markdown link when `resolve(folded short name)` gives a URL."""

    def replace(match: re.Match[str]) -> str:
        number, name = match.group(1), match.group(2).strip()
        url = resolve(fold(name))
        label = f"Điều {number} {name}"
        return f"[{label}]({url}#dieu-{number})" if url else label

    return _LEGAL_REF.sub(replace, text)


def _image_src_allowed(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        return value if value.startswith(IMAGE_PREFIX) else None
    return value


def render(text: str, resolve: LegalResolver | None = None) -> str:
    """Safe HTML for a Markdown body; images only from this site's content images."""
    if resolve is not None:
        text = link_legal_references(text, resolve)
    html = _SHIFT.sub(_shift, _md.render(text or ""))
    html = _ARTICLE_HEADING.sub(lambda m: f'<{m.group(1)} id="dieu-{m.group(3)}">{m.group(2)}', html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
        attribute_filter=_image_src_allowed,
    )


def plain_text(text: str) -> str:
    """The readable text of a Markdown body (for search, feeds' summaries and reading aloud)."""
    markup = render(text)
    return re.sub(r"\s+", " ", html_module.unescape(nh3.clean(markup, tags=set()))).strip()
