"""Backup and restore of the register, with the commands the README gives."""

import json
import os

from django.core.management import call_command
from django.utils.dateparse import parse_datetime

from bench.server import manage, production_environment, scratch_database
from membership.models import Kind, Status
from tests.factories.membership import MembershipEnquiryFactory, NoteFactory, StatusChangeFactory, team_member

REGISTER = ["auth.group", "auth.user", "membership"]


def dump(path):
    call_command("dumpdata", *REGISTER, natural_foreign=True, natural_primary=True, indent=1, output=str(path))


def rows(path):
    """The dump's rows, with timestamps read as times. The JSON keeps milliseconds and leaves
    them out when they are zero, so a time's text can change on a round trip while the time
    itself does not."""
    return json.loads(path.read_text(), object_hook=lambda row: {key: read_time(value) for key, value in row.items()})


def read_time(value):
    return (isinstance(value, str) and parse_datetime(value)) or value


def test_a_dump_of_the_register_restores_into_a_fresh_database_with_every_row_intact(db, tmp_path, django_user_model):
    maria = team_member(django_user_model, "maria")
    hostile = MembershipEnquiryFactory(organisation_name="Ünïcødé & <b>Co</b>", message="Line one\nLine two")
    called = MembershipEnquiryFactory(kind=Kind.APPLICATION, status=Status.CONTACTED)
    NoteFactory(enquiry=called, author=maria, text="Called on Monday")
    StatusChangeFactory(enquiry=hostile, changed_by=maria)
    backup = tmp_path / "register.json"
    dump(backup)

    with scratch_database(os.environ.get("DATABASE_URL")) as database_url:
        fresh = production_environment(tmp_path, **({"DATABASE_URL": database_url} if database_url else {}))
        manage(fresh, "migrate", "--noinput", "-v", "0")
        manage(fresh, "loaddata", str(backup))
        restored = tmp_path / "restored.json"
        manage(fresh, "dumpdata", *REGISTER, "--natural-foreign", "--natural-primary", "--indent", "1", "-o", restored)

    original, copy = rows(backup), rows(restored)
    assert [row for row in original if row["model"].startswith("membership.")]  # the register was in the dump
    assert copy == original
