"""Stored files, one way for every app: a form field for several uploads, a model mixin for a cleaned file
kept outside the web root, one helper that writes cleaned files with their rows (and removes what it wrote if
the rows are not committed), and one download view that sends a file only after its fetch checked access.

The path of an upload: ``MultipleFileField`` → ``uploads.read_uploads`` (streamed, capped) →
``uploads.clean_uploads`` (type sniffed, metadata stripped) → ``store_files`` in the service's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from django import forms
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.http import FileResponse, HttpRequest
from django.utils.translation import gettext as _

from toandan.core.uploads import MAX_FILES, CleanFile


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input, at most MAX_FILES; empty parts are ignored."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        items = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if len(items) > MAX_FILES:
            raise forms.ValidationError(_("Chỉ gửi được tối đa %(count)s tệp.") % {"count": MAX_FILES})
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class StoredFile(models.Model):
    """Abstract: a cleaned upload (type sniffed, metadata stripped) stored outside the web root.

    A concrete model adds its owner and ``file = models.FileField(upload_to=..., max_length=300)``.
    """

    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name


StoredT = TypeVar("StoredT", bound=StoredFile)


def store_files(
    files: Sequence[CleanFile], new_row: Callable[[], StoredT], written: list[str], start: int = 1
) -> list[StoredT]:
    """Write each cleaned file to storage and return its row, unsaved: ``new_row()`` makes it with its owner.

    The names written are appended to ``written`` (see ``removing_on_failure``)."""
    rows = []
    for index, clean in enumerate(files, start=start):
        row = new_row()
        row.original_name = clean.original_name
        row.content_type = clean.content_type
        row.size = len(clean.data)
        row.sha256 = clean.sha256
        name = f"{index:02d}-{clean.sha256[:12]}.{clean.extension}"
        row.file.save(name, ContentFile(clean.data), save=False)
        written.append(row.file.name)
        rows.append(row)
    return rows


@contextmanager
def removing_on_failure(keep_on: tuple[type[BaseException], ...] = ()) -> Iterator[list[str]]:
    """Yield the list ``store_files`` appends to; if the block fails, delete those files again.

    Files are written before the commit: nothing of a rolled-back row may stay behind. ``keep_on`` lists
    failures after which the commit may still have happened (a lost connection): the files then stay."""
    written: list[str] = []
    try:
        yield written
    except keep_on:
        raise
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise


def file_response(item: StoredFile) -> FileResponse:
    """The stored file as a private attachment the browser will not sniff into another type."""
    response = FileResponse(
        item.file.open("rb"), content_type=item.content_type, as_attachment=True, filename=item.original_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def download_view(fetch: Callable[..., StoredFile]) -> Callable[..., FileResponse]:
    """A view sending the file ``fetch(request, **url_kwargs)`` returns.

    ``fetch`` is the access check: it returns only a file the user may see and raises Http404 otherwise. The
    app wraps the view in its sign-in rule (``accounts.permissions.staff_required`` for staff files)."""

    def view(request: HttpRequest, **kwargs: Any) -> FileResponse:
        return file_response(fetch(request, **kwargs))

    return view
