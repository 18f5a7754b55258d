"""Models of the awareness app, one module per subject; import them from here."""

from toandan.awareness.models.content import (
    Audience,
    AudienceCode,
    Category,
    ContentEvent,
    ContentImage,
    ContentItem,
    ContentVersion,
    Kind,
    LegalType,
    Status,
    Tag,
)

__all__ = [
    "Audience",
    "AudienceCode",
    "Category",
    "ContentEvent",
    "ContentImage",
    "ContentItem",
    "ContentVersion",
    "Kind",
    "LegalType",
    "Status",
    "Tag",
]
