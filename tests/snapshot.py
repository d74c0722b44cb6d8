"""A database's rows and media files, taken once and put back in a moment.

Building the whole site (`load_initial_content`) takes many seconds, and a hundred tests start
from it. The tests' shared `initial_content` fixture builds it once per session in a
transaction that is then rolled back, keeps what it wrote (rows as Django's test runner
serialises them, and the media folder), and restores that for each test.

Restoring empties every table first, then writes the rows back as they were, ids and all, with
model signals silenced: the rows already hold everything those signals would have written
(search index entries, reference index, log entries), and writing them again would duplicate it.
Rows a test made before (a logged-in user and their session, say) are written back after them.

The same restore puts back the database as the migrations left it (`Snapshot.of_database`), after
a transactional test has emptied its tables.
"""

import json
import os
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import signals
from django.test import override_settings

SILENCED = (signals.pre_save, signals.post_save, signals.m2m_changed)
# Always the snapshot's own: a flushed database's are made again by post_migrate, under other ids.
NEVER_KEPT = {"contenttypes.contenttype", "auth.permission"}


@dataclass(frozen=True)
class Snapshot:
    rows: str  # JSON, content types first so that nothing saved later creates one of its own
    media: Path | None
    before: frozenset  # (model, primary key, fields) of every row there before the command ran

    @classmethod
    def of_command(cls, *command, media):
        with override_settings(MEDIA_ROOT=str(media)), transaction.atomic():
            before = frozenset(map(identity, current_rows()))
            start = len(connection.run_on_commit)
            call_command(*command, stdout=open(os.devnull, "w"))
            run_on_commit_callbacks(start)  # what would have run once the command committed
            rows = current_rows()
            transaction.set_rollback(True)
        return cls(rows=json.dumps(content_types_first(rows)), media=Path(media), before=before)

    @classmethod
    def of_database(cls):
        """The rows as they are now, and no media: restoring it leaves the database just so."""
        rows = current_rows()
        return cls(rows=json.dumps(content_types_first(rows)), media=None, before=frozenset(map(identity, rows)))

    def restore(self, media_root=None):
        if self.media:
            shutil.copytree(self.media, media_root, dirs_exist_ok=True)
        with transaction.atomic():
            made_by_the_test = self.rows_made_since(current_rows())
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            ContentType.objects.clear_cache()
            with signals_silenced(), connection.constraint_checks_disabled():
                for row in serializers.deserialize("json", self.rows):
                    row.save()
                for row in serializers.deserialize("json", json.dumps(made_by_the_test)):
                    row.save()
            connection.check_constraints()
            reset_sequences()

    @cached_property
    def keys(self):
        return {(row["model"], row["pk"]) for row in json.loads(self.rows)}

    def rows_made_since(self, rows):
        """The rows a test made before the restore, which the snapshot must not lose."""
        made = [row for row in rows if row["model"] not in NEVER_KEPT and identity(row) not in self.before]
        clashes = [row for row in made if (row["model"], row["pk"]) in self.keys]
        if clashes:
            raise RuntimeError(
                f"Rows made before the site was restored have the ids of its own: {clashes[:3]}. "
                "Ask for `initial_content` before the fixtures that make them."
            )
        return made


def current_rows():
    return json.loads(connection.creation.serialize_db_to_string())


def content_types_first(rows):
    return sorted(rows, key=lambda row: row["model"] != "contenttypes.contenttype")


def identity(row):
    return (row["model"], json.dumps(row["pk"]), json.dumps(row["fields"], sort_keys=True))


def run_on_commit_callbacks(start):
    while len(connection.run_on_commit) > start:
        callbacks = connection.run_on_commit[start:]
        del connection.run_on_commit[start:]
        for _savepoints, callback, _robust in callbacks:
            callback()


class signals_silenced:
    def __enter__(self):
        self.receivers = {signal: signal.receivers for signal in SILENCED}
        for signal in SILENCED:
            signal.receivers = []
            signal.sender_receivers_cache.clear()

    def __exit__(self, *exc_info):
        for signal, receivers in self.receivers.items():
            signal.receivers = receivers
            signal.sender_receivers_cache.clear()


def reset_sequences():
    """Ids are written as they were: the next new row must not take one of them (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
