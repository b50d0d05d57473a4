"""Backup and restore of an SQLite installation: the database through SQLite's online backup
API and the uploaded files, with a manifest of row counts and SHA-256 hashes
(`python -m kansli backup DIR` / `restore DIR`). PostgreSQL uses pg_dump (docs/operations.md)."""

from .create import backup_create
from .manifest import BackupError, Manifest
from .restore import backup_restore

__all__ = ["BackupError", "Manifest", "backup_create", "backup_restore"]
