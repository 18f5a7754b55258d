"""Plan-document importer: a .docx/.txt/.pdf plan in, a structured draft out. Pure functions, no database.

Public entry points:
- `read_document(data, filename=None) -> str`: sniff the type from the bytes and extract the text;
- `parse_plan(text) -> PlanDraft`: number, issuer, date, title, tasks, recipients, signer and more;
- `import_document(data, filename=None) -> PlanDraft`: both steps;
- `parse_timeframe(text, plan_date) -> TimeFrame`: one time phrase.
Every failure is a `PlanImportError` with a stable `code` (empty, too_large, unsupported_format,
corrupt_document, no_text, unknown_encoding, not_a_plan) and a Vietnamese message.

Decisions:
- issuer: the last line of the header block, spelled as the body spells it, plus the province or district
  of the line above when the body has none: "UBND TỈNH QUẢNG NGÃI / BAN CHỈ ĐẠO 138" gives
  "Ban Chỉ đạo 138 tỉnh Quảng Ngãi"; the lines as printed are kept in `issuer_lines`.
- number: as printed, spaces removed, "D" restored to "Đ" only when the document spells that code with Đ
  elsewhere ("BCĐ138", "Ban Chỉ đạo 138"). A plan issued with a decision has no number of its own: it gets
  the decision's number and date (also kept in `decision_number` / `decision_date`).
- signer in `to_json()`: rank and name as printed under the signature ("Đại tá Phan Công Bình"); position
  and signing capacity ("KT. GIÁM ĐỐC") are in `to_dict()`.
- tasks: an item is a task at the level where its responsibility clause is written (II.1, or II.1.a when
  sub-items carry their own); table rows are tasks (ref = section + table numbering); when no task names a
  unit, the unit-by-unit items of "Tổ chức thực hiện" become the tasks, led by that unit.
- lead and support are unit names as written; time phrases keep their raw text and are flagged, never
  guessed, when not understood. Warnings are `{"code", "ref", "detail"}` dicts for the preview to translate.
"""

from __future__ import annotations

from .drafts import OrganisationClause, PlanDraft, SectionDraft, Signer, TaskDraft
from .errors import PlanImportError
from .parser import parse_plan
from .reader import MAX_BYTES, read_document
from .timeframes import TimeFrame, parse_timeframe

__all__ = [
    "MAX_BYTES",
    "OrganisationClause",
    "PlanDraft",
    "PlanImportError",
    "SectionDraft",
    "Signer",
    "TaskDraft",
    "TimeFrame",
    "import_document",
    "parse_plan",
    "parse_timeframe",
    "read_document",
]


def import_document(data: bytes, filename: str | None = None) -> PlanDraft:
    """Read and parse a plan document in one call."""
    return parse_plan(read_document(data, filename))
