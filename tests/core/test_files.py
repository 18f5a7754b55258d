"""Stored files: uploads are read in chunks and capped, several files come through one field."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.db import InterfaceError, OperationalError

from toandan.core.files import MultipleFileField, removing_on_failure
from toandan.core.uploads import MAX_BYTES, EvidenceError, clean_uploads, read_upload, read_uploads


class CountingUpload(TemporaryUploadedFile):
    """A large upload as Django keeps it (a temporary file) that counts the chunks read from it."""

    read_chunks = 0

    def chunks(self, chunk_size: int | None = None) -> Any:
        for chunk in super().chunks(1024 * 1024):
            self.read_chunks += 1
            yield chunk


def test_an_oversized_upload_is_not_read_whole() -> None:
    upload = CountingUpload("big.pdf", "application/pdf", 3 * MAX_BYTES, None)
    upload.write(b"%PDF-" + b"0" * (3 * MAX_BYTES))
    upload.seek(0)
    data, name = read_upload(upload)
    assert name == "big.pdf" and len(data) == MAX_BYTES + 1
    assert upload.read_chunks == MAX_BYTES // (1024 * 1024) + 1
    with pytest.raises(EvidenceError, match="10 MB"):
        clean_uploads([(data, name)])


def test_a_small_upload_is_read_whole() -> None:
    assert read_uploads([SimpleUploadedFile("a.txt", b"abc")]) == [(b"abc", "a.txt")]


def test_several_files_through_one_field() -> None:
    field = MultipleFileField(required=False)
    files = [SimpleUploadedFile(f"{i}.png", b"x") for i in range(3)]
    assert [f.name for f in field.clean([*files, None])] == ["0.png", "1.png", "2.png"]
    assert field.clean(None) == []
    with pytest.raises(forms.ValidationError, match="tối đa 10 tệp"):
        field.clean([SimpleUploadedFile(f"{i}.png", b"x") for i in range(11)])


@pytest.mark.parametrize(("failure", "kept"), [(OperationalError, True), (ValueError, False)])
def test_files_stay_only_when_the_commit_may_have_happened(
    settings: Any, tmp_path: Any, failure: type[Exception], kept: bool
) -> None:
    """A lost connection (the commit may have gone through) keeps the files written; any other failure
    removes them (the merge of `house` and `resilience`: `submit_report` passes `keep_on`)."""
    settings.MEDIA_ROOT = str(tmp_path)
    with pytest.raises(failure):
        with removing_on_failure(keep_on=(OperationalError, InterfaceError)) as written:
            written.append(default_storage.save("evidence/x.txt", ContentFile(b"x")))
            raise failure("lost")
    assert default_storage.exists(written[0]) is kept
