"""`toandan load-awareness-demo`: example content and a quiz (called by `load-demo`). Idempotent."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from toandan.accounts.models import User
from toandan.awareness import demo


class Command(BaseCommand):
    help = "Load example awareness content (articles, a warning, a legal summary, an FAQ entry) and a quiz."

    def handle(self, *args: Any, **options: Any) -> None:
        author = User.objects.filter(username="canbo.xa").first()
        reviewer = User.objects.filter(username="thuongtruc").first()
        created = demo.load(author, reviewer)
        self.stdout.write(f"Nội dung tuyên truyền mẫu: {created} mới.")
