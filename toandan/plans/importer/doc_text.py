"""Text of a Word 97-2003 (.doc) file through a converter on the server: antiword, else LibreOffice.

Neither is a Python dependency: a server without them answers with a clear message asking for a .docx.
The converter runs on a private temporary copy with a time limit; nothing is kept.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import MESSAGES, PlanImportError

__all__ = ["doc_converter", "doc_text", "join_wrapped_rows"]

TIMEOUT_SECONDS = 60


def doc_converter() -> str | None:
    """Path of the first converter found: antiword, then LibreOffice (soffice/libreoffice)."""
    return shutil.which("antiword") or shutil.which("soffice") or shutil.which("libreoffice")


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(command, cwd=cwd, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PlanImportError("corrupt_document", MESSAGES["corrupt_doc"]) from exc


def _cells(line: str) -> list[str] | None:
    line = line.rstrip()
    if not (line.startswith("|") and line.endswith("|")) or len(line) < 2:
        return None
    return line[1:-1].split("|")


def join_wrapped_rows(text: str) -> str:
    """antiword prints a table cell's text wrapped over several lines of the same width; the lines after
    the first have an empty first cell ("|   |liệu hỏi - đáp …|"). Join them into the row they continue,
    cell by cell, so each table row is one line as in the other formats."""
    out: list[str] = []
    previous: list[str] | None = None
    for line in text.split("\n"):
        cells = _cells(line)
        if (
            cells is not None
            and previous is not None
            and len(cells) == len(previous)
            and not cells[0].strip()
            and any(c.strip() for c in cells)
        ):
            previous = [f"{a.strip()} {b.strip()}".strip() for a, b in zip(previous, cells, strict=True)]
            out[-1] = "|" + "|".join(previous) + "|"
            continue
        previous = [c.strip() for c in cells] if cells is not None else None
        out.append(line)
    return "\n".join(out)


def doc_text(data: bytes) -> str:
    """Plain text of a .doc, paragraphs on their own lines; PlanImportError when it cannot be read."""
    converter = doc_converter()
    if converter is None:
        raise PlanImportError("unsupported_format", MESSAGES["no_converter"])
    with tempfile.TemporaryDirectory(prefix="plan-doc-") as folder:
        work = Path(folder)
        source = work / "plan.doc"
        source.write_bytes(data)
        if Path(converter).name == "antiword":
            # -w 0: one paragraph per line (no re-wrapping); UTF-8 keeps the Vietnamese letters.
            done = _run([converter, "-m", "UTF-8.txt", "-w", "0", str(source)], work)
            text = done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""
            text = join_wrapped_rows(text)
        else:
            profile = (work / "profile").as_uri()
            done = _run(
                [
                    converter,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "txt:Text (encoded):UTF8",
                    "--outdir",
                    str(work),
                    str(source),
                ],
                work,
            )
            target = work / "plan.txt"
            text = target.read_text("utf-8", "replace") if target.exists() else ""
    if not text.strip():
        raise PlanImportError("corrupt_document", MESSAGES["corrupt_doc"])
    return text.replace("\r\n", "\n")
