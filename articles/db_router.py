"""Send the reading side's queries to a read replica, everything else to the primary.

Switched on by DATABASE_REPLICA_URL (see readingroom/settings.py). What stays on the primary:
- every write, and every read inside a transaction on the primary, so an import or an admin
  save sees what it has just written rather than a replica that may be a moment behind;
- everything outside the `articles` app: sessions, users, permissions, login throttling and
  the admin log are small, change as editors work, and must never be read stale;
- migrations, which replication carries to the replica.
"""

from __future__ import annotations

from typing import Any

from django.db import connections
from django.db.models import Model

PRIMARY = "default"
REPLICA = "replica"
REPLICATED_APPS = {"articles"}


class PrimaryReplicaRouter:
    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        if model._meta.app_label not in REPLICATED_APPS:
            return PRIMARY
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        instance = hints.get("instance")
        if instance is not None and instance._state.db == PRIMARY:
            # Related rows of an object loaded inside a transaction come from the same place.
            return PRIMARY
        return REPLICA

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool:
        # Both aliases hold the same data, so objects from either may be related.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY
