"""The worker as the Procfile runs it, a process of its own: it outlives a database that is
locked or drops its connection, and a worker killed mid-send leaves no e-mail stuck and
none sent twice."""

import os
import signal
import subprocess
import sys
import time
import urllib.parse
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from bench.server import PROJECT
from membership.emails import queue_emails
from membership.models import Delivery, Email, EnquiryEmail
from tests.factories.membership import MembershipEnquiryFactory
from tests.mail_server import MailServer, SilentMailServer, smtp_mailer

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("team_address")]


class WorkerProcess:
    """`with WorkerProcess(mail_port) as worker:` runs the Procfile's worker on this test's
    database, sending to the mail server on `mail_port`, until the block ends."""

    def __init__(self, mail_port, tmp_path, email_timeout=10):
        self.output_path = tmp_path / "worker.log"
        self.environment = {
            **os.environ,
            **database_environment(),
            "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
            "EMAIL_URL": f"smtp://127.0.0.1:{mail_port}",
            "EMAIL_TIMEOUT": str(email_timeout),
            "PYTHONUNBUFFERED": "1",
        }

    def __enter__(self):
        procfile = (PROJECT / "Procfile").read_text().splitlines()
        _, script, *arguments = next(line for line in procfile if line.startswith("worker:")).split()[1:]
        self.output = open(self.output_path, "wb")
        self.process = subprocess.Popen(
            [sys.executable, script, *arguments, "--no-reload", "--interval", "0.2"],
            cwd=PROJECT,
            env=self.environment,
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )
        return self

    def printed(self):
        return self.output_path.read_text(errors="replace")

    def kill(self):
        """As `kill -9` does: no chance to tidy up."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def __exit__(self, *exc_info):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.output.close()


def database_environment():
    """Where a process of its own finds this test's database."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        return {"SQLITE_PATH": name}
    address = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    return {"DATABASE_URL": urllib.parse.urlunsplit(address._replace(path=f"/{name}"))}


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def owe_an_acknowledgement(**fields):
    enquiry = MembershipEnquiryFactory(**fields)
    with transaction.atomic():
        queue_emails(enquiry, Email.ACKNOWLEDGEMENT)
    return EnquiryEmail.objects.get(enquiry=enquiry)


def as_if_the_lease_ran_out():
    EnquiryEmail.objects.filter(delivery=Delivery.SENDING).update(lease_until=timezone.now() - timedelta(seconds=1))
    call_command("release_stalled_emails")  # what the scheduler runs every minute


def test_the_worker_outlives_a_locked_or_lost_database_and_sends_what_was_queued_meanwhile(tmp_path):
    with MailServer() as mail_server, WorkerProcess(mail_server.port, tmp_path) as worker:
        owe_an_acknowledgement(email="first@example.org")
        assert wait_for(lambda: mail_server.recipients() == ["first@example.org"]), worker.printed()

        if connection.vendor == "sqlite":
            # This test's transaction holds SQLite's write lock for longer than the worker's
            # busy timeout: its next look at the queue finds the database locked.
            with transaction.atomic():
                owe_an_acknowledgement(email="meanwhile@example.org")
                wait_for(lambda: "database is locked" in worker.printed() or worker.process.poll() is not None)
        else:
            # As when PostgreSQL restarts: every connection but this test's is cut.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            owe_an_acknowledgement(email="meanwhile@example.org")

        assert wait_for(lambda: "meanwhile@example.org" in mail_server.recipients()), worker.printed()
        assert worker.process.poll() is None  # still running
    assert mail_server.recipients() == ["first@example.org", "meanwhile@example.org"]
    assert {row.delivery for row in EnquiryEmail.objects.all()} == {Delivery.SENT}


def test_an_email_whose_worker_was_killed_mid_send_is_released_and_sent_once(tmp_path):
    email = owe_an_acknowledgement(email="applicant@example.org")
    with SilentMailServer() as stuck, WorkerProcess(stuck.port, tmp_path, email_timeout=60) as worker:
        assert wait_for(stuck.connections_made), worker.printed()  # the worker is mid-send
        worker.kill()
    assert EnquiryEmail.objects.get().delivery == Delivery.SENDING

    as_if_the_lease_ran_out()

    with MailServer() as mail_server, WorkerProcess(mail_server.port, tmp_path) as worker:
        assert wait_for(lambda: EnquiryEmail.objects.get().delivery == Delivery.SENT), worker.printed()
    [message] = mail_server.messages
    assert message["To"] == "applicant@example.org"
    assert message["Message-ID"] == email.message_id  # the same e-mail, recognisably, as the first try
    assert EnquiryEmail.objects.get().attempts == 2


def test_an_email_whose_worker_was_killed_after_handing_it_over_may_have_been_sent_and_is_not_sent_again(
    tmp_path, settings, worker
):
    with MailServer(confirm_after=60) as slow:
        with WorkerProcess(slow.port, tmp_path, email_timeout=90) as process:
            owe_an_acknowledgement(email="applicant@example.org")
            assert wait_for(lambda: slow.messages), process.printed()  # taken, not yet confirmed
            process.kill()

        as_if_the_lease_ran_out()
        call_command("send_pending_emails", stdout=open(os.devnull, "w"))
        settings.MAILERS = smtp_mailer(slow.port)
        worker()
        assert len(slow.messages) == 1

    row = EnquiryEmail.objects.get()
    assert row.delivery == Delivery.MAYBE_SENT
    assert row.problem == "may have been sent: the worker stopped before the mail server confirmed it"
