"""PDF plans with a text layer import like the text they carry; hard-wrapped lines are joined again."""

from __future__ import annotations

import pytest
from pdfmaker import text_pdf
from plan_factories import SEED
from test_importer_seed import EXPECTED_TASKS

from toandan.plans.importer import PlanImportError, import_document, read_document


def test_seed_as_pdf_imports_with_every_task_unit_and_time_frame() -> None:
    pdf = text_pdf(SEED.read_text(encoding="utf-8"))
    assert pdf.startswith(b"%PDF-") and "KẾ HOẠCH" in read_document(pdf, "ke-hoach.pdf")
    draft = import_document(pdf, "ke-hoach.pdf")
    assert (draft.number, draft.date.isoformat()) == ("249/KH-BCĐ138", "2022-05-25")
    assert draft.title.startswith("Thực hiện Chỉ thị số 03/CT-UBND ngày 28/4/2022")
    assert [t.ref for t in draft.tasks] == [row[0] for row in EXPECTED_TASKS]
    for task, expected in zip(draft.tasks, EXPECTED_TASKS, strict=True):
        ref, title, lead, support, start, end, recurring = expected
        data = task.to_json()
        # A title that fills its last line and a body opening with a capital cannot be told apart in a
        # hard-wrapped text layer (II.6); the title still starts right, the units and dates are exact.
        assert data["title"].startswith(title), ref
        assert (data["lead"], data["support"]) == (lead, support), ref
        assert (data["start"], data["end"], data["recurring"]) == (start, end, recurring), ref
    assert draft.signer.name == "Phan Công Bình"
    assert draft.recipients[-1] == "Lưu: VT, PV01(CS), PV05"


def test_encrypted_pdf_is_refused() -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf("KẾ HOẠCH\n1. Việc"))))
    writer.encrypt("mat-khau")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(PlanImportError) as caught:
        read_document(out.getvalue())
    assert caught.value.code == "corrupt_document" and "mật khẩu" in caught.value.message


def test_scanned_pdf_without_a_text_layer_gets_a_clear_message() -> None:
    """A page image saved as PDF (what a scanner produces): no text layer, so nothing is guessed."""
    import io

    from PIL import Image, ImageDraw

    page = Image.new("L", (620, 877), 255)
    ImageDraw.Draw(page).text((60, 60), "KE HOACH 1. Viec", fill=0)  # letters as pixels, not text
    out = io.BytesIO()
    page.save(out, format="PDF", resolution=75)
    with pytest.raises(PlanImportError) as caught:
        read_document(out.getvalue(), "scan.pdf")
    assert caught.value.code == "no_text"
    assert "lớp chữ" in caught.value.message or "quét" in caught.value.message
