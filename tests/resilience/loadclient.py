"""Clients of the load experiments: each submits one report (multipart, one evidence image) with its own
Idempotency-Key and retries with the same key after a lost connection or a 5xx, as a careful API client does;
then the database is checked: acknowledged reports exist once, complete, with their files."""

from __future__ import annotations

import http.client
import io
import json
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

MARKER = "thử-nghiệm-tải"


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (20, 120, 200)).save(out, format="PNG")
    return out.getvalue()


@dataclass
class Outcome:
    key: str
    statuses: list[int | None] = field(default_factory=list)  # None: the connection failed
    retry_after: list[str] = field(default_factory=list)
    acknowledged: bool = False
    code: str = ""


def _multipart(key: str, image: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    data = {
        "category": "lua-dao",
        "description": f"Tin nhắn giả ngân hàng yêu cầu cập nhật thông tin, {MARKER} {key}.",
        "identifiers": ["0912 345 678"],
        "anonymous": True,
        "consent": True,
    }
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n{json.dumps(data)}\r\n'.encode(),
        f'--{boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="anh.png"\r\n'
        "Content-Type: image/png\r\n\r\n".encode()
        + image
        + b"\r\n",
        f"--{boundary}--\r\n".encode(),
    ]
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Load:
    """`reports` submissions over `connections` keep-alive connections to 127.0.0.1:`port`."""

    def __init__(self, port: int, reports: int, connections: int = 16, deadline_seconds: float = 240):
        self.port = port
        self.outcomes = [Outcome(key=f"load-{uuid.uuid4().hex[:12]}-{i}") for i in range(reports)]
        self.connections = connections
        self.deadline = time.monotonic() + deadline_seconds
        self.next = 0
        self.lock = threading.Lock()
        self.image = png()
        self.threads = [threading.Thread(target=self._client, daemon=True) for _ in range(connections)]

    def start(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def join(self) -> None:
        for thread in self.threads:
            thread.join(timeout=max(1.0, self.deadline - time.monotonic() + 30))

    @property
    def acknowledged(self) -> int:
        return sum(o.acknowledged for o in self.outcomes)

    def _take(self) -> Outcome | None:
        with self.lock:
            if self.next >= len(self.outcomes):
                return None
            self.next += 1
            return self.outcomes[self.next - 1]

    def _client(self) -> None:
        conn: http.client.HTTPConnection | None = None
        while (outcome := self._take()) is not None:
            body, content_type = _multipart(outcome.key, self.image)
            while time.monotonic() < self.deadline:
                try:
                    conn = conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                    conn.request(
                        "POST",
                        "/api/v1/reports",
                        body=body,
                        headers={"Content-Type": content_type, "Idempotency-Key": outcome.key},
                    )
                    response = conn.getresponse()
                    payload = response.read()
                except (OSError, http.client.HTTPException):
                    outcome.statuses.append(None)
                    if conn is not None:
                        conn.close()
                    conn = None
                    time.sleep(0.1)  # the server is restarting: try again soon
                    continue
                outcome.statuses.append(response.status)
                if response.status == 201:
                    outcome.acknowledged = True
                    outcome.code = json.loads(payload)["code"]
                    break
                if response.status >= 500:
                    outcome.retry_after.append(response.getheader("Retry-After") or "")
                    # A real client waits Retry-After seconds; the experiment caps it to stay short.
                    time.sleep(0.2)
                    continue
                break  # a 4xx is an answer: not retried
        if conn is not None:
            conn.close()

    def figures(self, media_root: Path) -> dict[str, Any]:
        """Compare what the clients were told with what the database and the disk hold."""
        from toandan.reports.models import Evidence, Report

        keys = {o.key for o in self.outcomes}
        stored = list(
            Report.objects.filter(idempotency_key__in=keys).values_list("id", "idempotency_key", "code")
        )
        by_marker = Counter(
            k
            for d in Report.objects.filter(description__contains=MARKER).values_list("description", flat=True)
            for k in keys
            if d.endswith(f" {k}.")
        )
        stored_keys = {k for _, k, _ in stored}
        ids = [i for i, _, _ in stored]
        evidence = Counter(Evidence.objects.filter(report_id__in=ids).values_list("report_id", flat=True))
        from toandan.indicators.models import ReportIndicator

        links = Counter(ReportIndicator.objects.filter(report_id__in=ids).values_list("report_id", flat=True))
        names = Evidence.objects.filter(report_id__in=ids).values_list("file", flat=True)
        files = [Path(media_root) / name for name in names]
        statuses = Counter(s for o in self.outcomes for s in o.statuses)
        self.problems = {
            "no_evidence": [k for i, k, _ in stored if evidence[i] != 1],
            "no_links": [k for i, k, _ in stored if links[i] < 1],
            "missing_files": [str(f) for f in files if not f.is_file()],
            "duplicated": [k for k, n in by_marker.items() if n > 1],
        }
        acknowledged = [o for o in self.outcomes if o.acknowledged]
        return {
            "reports": len(self.outcomes),
            "requests": sum(statuses.values()),
            "acknowledged": len(acknowledged),
            "stored": len(stored),
            "duplicates": sum(n - 1 for n in by_marker.values() if n > 1),
            "lost": sum(1 for o in acknowledged if o.key not in stored_keys),
            "half_stored": sum(1 for i in ids if evidence[i] != 1 or links[i] < 1)
            + sum(1 for f in files if not f.is_file()),
            "5xx": sum(n for s, n in statuses.items() if s is not None and s >= 500),
            "503": statuses.get(503, 0),
            "500": statuses.get(500, 0),
            "connection_errors": statuses.get(None, 0),
            "codes_match": all(o.code in {c for _, _, c in stored} for o in acknowledged),
            "unanswered": sum(1 for o in self.outcomes if not o.statuses or o.statuses[-1] not in (201,)),
        }
