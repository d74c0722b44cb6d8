"""The scheduler publishes pages whose go-live time has come and unpublishes expired ones."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories.home import StandardPageFactory
from website.management.commands import run_scheduler

pytestmark = pytest.mark.django_db


def schedule(page, **dates):
    """Save the page's dates and ask to publish it, as the editor's "Publish" with dates does."""
    for field, value in dates.items():
        setattr(page, field, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_a_page_scheduled_for_the_past_minute_goes_live_on_the_next_run(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Annual review", slug="annual-review", live=False)
    page = schedule(page, go_live_at=timezone.now() + timedelta(seconds=1))
    call_command("run_scheduler", "--once")
    page.refresh_from_db()
    assert not page.live and client.get(page.url).status_code == 404

    time.sleep(1.1)  # the go-live time passes
    call_command("run_scheduler", "--once")

    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


def test_an_expired_page_is_taken_down(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Old call for papers", slug="old-call")
    assert client.get(page.url).status_code == 200
    page.expire_at = timezone.now() - timedelta(seconds=1)
    page.save()

    call_command("run_scheduler", "--once")

    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get(page.url).status_code == 404


def test_a_failing_job_is_logged_and_the_others_still_run(monkeypatch, caplog):
    ran = []

    def call(name, *args, **kwargs):
        if name == "purge_enquiries":
            raise RuntimeError("database away")
        ran.append(name)

    monkeypatch.setattr(run_scheduler, "call_command", call)
    call_command("run_scheduler", "--once")

    assert ran == [
        "publish_scheduled",
        "refresh_event_lists",
        "release_stalled_emails",
        "prune_db_task_results",
        "check_service_links",
    ]
    assert "'purge_enquiries' failed" in caplog.text


def test_the_link_check_waits_an_hour_after_start_and_the_other_jobs_run_at_once():
    due = {job.name: at for job, at in run_scheduler.first_due(start=0).items()}

    assert due.pop("check_service_links") == run_scheduler.HOUR
    assert set(due.values()) == {0}
    assert set(run_scheduler.first_due(start=0, once=True).values()) == {0}
