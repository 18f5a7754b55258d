"""Output of the plans app: the consolidated period report as .docx (Decree 30/2020 layout) and .xlsx."""

from toandan.plans.output.consolidated import Consolidated, Signature, build_consolidated
from toandan.plans.output.docx_report import render_docx
from toandan.plans.output.xlsx_report import render_xlsx

__all__ = ["Consolidated", "Signature", "build_consolidated", "render_docx", "render_xlsx"]
