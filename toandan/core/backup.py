"""Backups: the database and the uploaded files in one encrypted file, with a manifest of row counts and
file hashes that `restore` checks.

Format: a tar archive (manifest.json, database.dump or database.sqlite3, media/...) encrypted in chunks of
4 MiB, each a Fernet token (AES-128-CBC + HMAC-SHA256) preceded by its 4-byte length, so that neither
backup nor restore holds the archive in memory. The key is TOANDAN_BACKUP_KEY (or _FILE), kept apart from
the server: a backup holds the reporters' identities (still encrypted with REPORTER_IDENTITY_KEY).
PostgreSQL is dumped with pg_dump's custom format and restored with pg_restore; SQLite with its backup API.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import struct
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

CHUNK = 4 * 1024 * 1024
MAGIC = b"TDBAK1\n"
FORMAT = 1


class BackupError(Exception):
    """A backup that cannot be written or restored, with the reason."""


def backup_key(explicit: str | None = None) -> Fernet:
    value = explicit or os.environ.get("TOANDAN_BACKUP_KEY", "")
    key_file = os.environ.get("TOANDAN_BACKUP_KEY_FILE")
    if not value and key_file:
        value = Path(key_file).read_text(encoding="utf-8").strip()
    if not value:
        raise BackupError("TOANDAN_BACKUP_KEY (or TOANDAN_BACKUP_KEY_FILE, or --key-file) is required")
    try:
        return Fernet(value.encode())
    except ValueError as exc:
        raise BackupError("TOANDAN_BACKUP_KEY: expected a base64 key of 32 bytes") from exc


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_env(settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = ["--dbname", settings_dict["NAME"]]
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return args, env


def _dump_database(folder: Path) -> str:
    if connection.vendor == "postgresql":
        target = folder / "database.dump"
        args, env = _pg_env(connection.settings_dict)
        result = subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), *args],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        return target.name
    if connection.vendor == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return target.name
    raise BackupError(f"unsupported database: {connection.vendor}")


def _encrypt(source: Path, destination: Path, fernet: Fernet) -> None:
    with source.open("rb") as plain, destination.open("wb") as out:
        out.write(MAGIC)
        for block in iter(lambda: plain.read(CHUNK), b""):
            token = fernet.encrypt(block)
            out.write(struct.pack(">I", len(token)))
            out.write(token)


def _decrypt(source: Path, fernet: Fernet) -> Iterator[bytes]:
    with source.open("rb") as handle:
        if handle.read(len(MAGIC)) != MAGIC:
            raise BackupError("not a Toàn Dân backup file")
        while header := handle.read(4):
            (length,) = struct.unpack(">I", header)
            try:
                yield fernet.decrypt(handle.read(length))
            except InvalidToken as exc:
                raise BackupError("wrong backup key, or the file was altered") from exc


def make_backup(destination: Path, fernet: Fernet) -> dict[str, Any]:
    """Write the encrypted backup to `destination`; returns its manifest."""
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="toandan-backup-") as work:
        folder = Path(work)
        database_file = _dump_database(folder)
        files = {}
        if media.exists():
            for path in sorted(p for p in media.rglob("*") if p.is_file()):
                files[path.relative_to(media).as_posix()] = _sha256(path)
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "database": {
                "vendor": connection.vendor,
                "file": database_file,
                "sha256": _sha256(folder / database_file),
            },
            "counts": row_counts(),
            "media": files,
        }
        archive = folder / "backup.tar"
        with tarfile.open(archive, "w") as tar:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            tar.add(folder / database_file, arcname=database_file)
            for name in files:
                tar.add(media / name, arcname=f"media/{name}")
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_name(destination.name + ".partial")
        _encrypt(archive, partial, fernet)
        partial.chmod(0o600)
        partial.replace(destination)
    return manifest


def _restore_database(folder: Path, manifest: dict[str, Any]) -> None:
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(f"backup of a {vendor} database cannot be restored into {connection.vendor}")
    dump = folder / manifest["database"]["file"]
    if vendor == "postgresql":
        settings_dict = dict(connection.settings_dict)
        for alias in connections:
            connections[alias].close()
        args, env = _pg_env(settings_dict)
        result = subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                *args,
                str(dump),
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
    else:
        connection.close()
        connection.ensure_connection()
        with sqlite3.connect(dump) as source:
            source.backup(connection.connection)
        source.close()


def restore_backup(source: Path, fernet: Fernet) -> dict[str, Any]:
    """Check the backup whole (hashes of every part) before changing anything, then restore the database and
    the media, and compare the row counts with the manifest. Returns the manifest."""
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="toandan-restore-") as work:
        folder = Path(work)
        archive = folder / "backup.tar"
        with archive.open("wb") as out:
            for block in _decrypt(source, fernet):
                out.write(block)
        with tarfile.open(archive) as tar:
            tar.extractall(folder / "x", filter="data")
        extracted = folder / "x"
        manifest = json.loads((extracted / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            raise BackupError(f"unknown backup format {manifest.get('format')!r}")
        if _sha256(extracted / manifest["database"]["file"]) != manifest["database"]["sha256"]:
            raise BackupError("the database dump does not match its hash in the manifest")
        for name, digest in manifest["media"].items():
            path = extracted / "media" / name
            if not path.is_file() or _sha256(path) != digest:
                raise BackupError(f"media file {name} is missing or does not match its hash")
        _restore_database(extracted, manifest)
        if media.exists():
            shutil.rmtree(media)
        if (extracted / "media").exists():
            shutil.copytree(extracted / "media", media)
        else:
            media.mkdir(parents=True, exist_ok=True)
    counts = row_counts()
    wrong = {
        label: (n, counts.get(label)) for label, n in manifest["counts"].items() if counts.get(label) != n
    }
    if wrong:
        raise BackupError(f"row counts differ from the manifest after restore: {wrong}")
    return manifest
