"""The admin's "forgot password" e-mail goes through the queue: the request answers at once,
whatever the mail server does, and the worker sends the e-mail while its link still works."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.mail_server import MailServer, SilentMailServer, smtp_mailer

URL = "/admin/password_reset/"


def ask_for_a_reset(email):
    return Client().post(URL, {"email": email}, REMOTE_ADDR="192.0.2.10")


def test_the_reset_answers_at_once_with_a_hanging_mail_server_and_the_email_arrives_once_the_worker_runs(
    admin_user, settings, worker
):
    with SilentMailServer() as hanging:
        settings.MAILERS = smtp_mailer(hanging.port, timeout=30)

        response = ask_for_a_reset(admin_user.email)

        assert (response.status_code, response["Location"]) == (302, "/admin/password_reset/done/")
        assert hanging.connections_made() == 0  # the request never talked to the mail server

    with MailServer() as mail_server:
        settings.MAILERS = smtp_mailer(mail_server.port)
        worker()
    [message] = mail_server.messages
    assert message["To"] == admin_user.email
    link = next(word for word in message.get_content().split() if "/admin/password_reset/confirm/" in word)
    path = link.removeprefix("http://testserver")
    assert "Set your new password" in Client().get(path, follow=True).content.decode()  # the link works


def test_a_reset_email_whose_link_expired_before_it_could_be_sent_is_dropped(admin_user, settings, worker):
    settings.PASSWORD_RESET_TIMEOUT = 0  # the link is over by the time the worker gets to it
    ask_for_a_reset(admin_user.email)

    with MailServer() as mail_server:
        settings.MAILERS = smtp_mailer(mail_server.port)
        worker()

    assert mail_server.messages == []


def test_a_failed_reset_email_is_tried_again_while_its_link_lasts(admin_user, settings, worker):
    with SilentMailServer() as closed:
        settings.MAILERS = smtp_mailer(closed.port)  # closed by the time the worker runs: refused
    ask_for_a_reset(admin_user.email)
    worker()

    with MailServer() as mail_server:
        settings.MAILERS = smtp_mailer(mail_server.port)
        DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))  # the minute has passed
        worker()
    assert [message["To"] for message in mail_server.messages] == [admin_user.email]
