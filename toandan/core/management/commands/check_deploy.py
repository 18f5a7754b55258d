"""``toandan check-deploy``: the production settings, one line each (OK/FAIL with the fix), then Django's own
``check --deploy``. Exits non-zero when anything fails."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from toandan.core.deploycheck import findings


class Command(BaseCommand):
    help = "Check that the settings are fit for production (HTTPS, HSTS, cookies, CSP, hosts, proxies, ...)."

    def handle(self, *args: Any, **options: Any) -> None:
        failed = []
        for finding in findings():
            mark = "OK  " if finding.ok else "FAIL"
            self.stdout.write(f"{mark} {finding.name}: {finding.detail}")
            if not finding.ok:
                failed.append(finding.name)
        # Django's own deployment checks (security middleware settings and more).
        call_command("check", deploy=True, fail_level="WARNING", stdout=self.stdout, stderr=self.stderr)
        if failed:
            raise CommandError(f"check-deploy: {len(failed)} problem(s): {', '.join(failed)}")
        self.stdout.write("check-deploy: all checks passed")
