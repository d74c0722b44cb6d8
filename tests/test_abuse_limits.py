"""Limits on abuse: lock-outs behind the proxy, files and large bodies sent to public forms,
line breaks in one-line answers, guessing a page's password, and floods of password-reset e-mails.
"""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from membership.models import MembershipEnquiry
from tests.factories.home import StandardPageFactory
from tests.factories.membership import MembershipPageFactory, form_data

PROXY = "127.0.0.1"
MB = 1024 * 1024


@pytest.fixture
def membership_page(home_page):
    return MembershipPageFactory(parent=home_page)


class TestAdminLoginBehindTheProxy:
    """Behind the proxy every request comes from 127.0.0.1; the client is the last X-Forwarded-For entry."""

    @pytest.fixture(autouse=True)
    def behind_proxy(self, settings):
        settings.BEHIND_PROXY = True

    def attempt(self, client, address, username, password):
        return client.post(
            "/admin/login/",
            {"username": username, "password": password},
            REMOTE_ADDR=PROXY,
            # A client may send a header of its own; the proxy appends the address it saw.
            HTTP_X_FORWARDED_FOR=f"203.0.113.99, {address}",
        )

    def test_failures_from_one_client_do_not_lock_out_an_editor_on_another(self, admin_user):
        for number in range(5):
            self.attempt(Client(), "192.0.2.10", f"guess{number}", "wrong-password")

        signed_in = self.attempt(Client(), "198.51.100.20", admin_user.username, "password")

        assert signed_in.status_code == 302

    def test_the_client_that_failed_is_locked_out_by_its_sixth_try(self, admin_user):
        for number in range(5):
            self.attempt(Client(), "192.0.2.10", f"guess{number}", "wrong-password")

        sixth = self.attempt(Client(), "192.0.2.10", admin_user.username, "password")

        assert sixth.status_code == 429
        assert "Signing in is paused" in sixth.content.decode()


class TestFilesAndLargeBodies:
    def test_a_20_mb_file_sent_to_the_membership_form_gets_the_413_page_and_saves_nothing(
        self, client, membership_page
    ):
        data = form_data(attachment=SimpleUploadedFile("report.pdf", b"x" * (20 * MB)))

        response = client.post("/membership/", data)

        assert response.status_code == 413
        assert "too large" in response.content.decode() and "Exit this page" in response.content.decode()
        assert not MembershipEnquiry.objects.exists()

    def test_a_small_file_sent_to_the_membership_form_is_refused_and_saves_nothing(self, client, membership_page):
        data = form_data(attachment=SimpleUploadedFile("note.txt", b"hello"))

        response = client.post("/membership/", data)

        assert response.status_code in (400, 413)
        assert "Exit this page" in response.content.decode()
        assert not MembershipEnquiry.objects.exists()

    @pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "application/json", "text/plain"])
    def test_a_3_mb_body_of_any_kind_gets_the_413_page(self, client, membership_page, content_type):
        response = client.generic("POST", "/membership/", b"message=" + b"x" * (3 * MB), content_type=content_type)

        assert response.status_code == 413
        assert "too large" in response.content.decode()
        assert not MembershipEnquiry.objects.exists()

    def test_editors_still_upload_documents_larger_than_the_public_limit(self, client, admin_user, home_page):
        client.force_login(admin_user)
        upload = SimpleUploadedFile("annual-report.txt", b"Annual report\n" * (3 * MB // 14), "text/plain")

        response = client.post("/admin/documents/add/", {"title": "Annual report", "file": upload})

        assert response.status_code == 302
        assert Document.objects.get().file.size > 3 * 1000 * 1000


HOSTILE_LINES = "Sam\n\nURGENT: your membership is suspended. Sign in at https://phish.example/login"


class TestOneLineAnswers:
    @pytest.mark.parametrize(
        "field",
        ["contact_name", "organisation_name", "job_title", "senior_lead_name", "website", "email", "phone"],
    )
    def test_a_line_break_in_a_one_line_answer_is_refused_next_to_the_field(self, client, membership_page, field):
        html = client.post("/membership/", form_data(**{field: HOSTILE_LINES})).content.decode()

        assert "must be on one line, without special characters" in html
        assert f'id="id_{field}_error"' in html
        assert not MembershipEnquiry.objects.exists()
        assert mail.outbox == []

    @pytest.mark.parametrize("character", ["\x00", "\x1b", "\x7f", "\u0085", "\u2028", "\u2029"])
    def test_control_characters_and_line_separators_are_refused_in_a_name(self, client, membership_page, character):
        html = client.post("/membership/", form_data(contact_name=f"Sam{character}Taylor")).content.decode()

        assert "Your full name must be on one line, without special characters" in html
        assert not MembershipEnquiry.objects.exists()

    def test_a_control_character_in_the_message_is_refused(self, client, membership_page):
        html = client.post("/membership/", form_data(message="Hello\x1b[2J\x1b[31mURGENT")).content.decode()

        assert "Your message must not contain special characters" in html
        assert 'id="id_message_error"' in html
        assert not MembershipEnquiry.objects.exists()

    def test_the_message_keeps_its_lines_and_tabs(self, client, membership_page):
        client.post("/membership/", form_data(message="First line\r\nSecond line\n\n\tIndented"))

        assert MembershipEnquiry.objects.get().message == "First line\r\nSecond line\n\n\tIndented"


class TestTelephoneNumbers:
    @pytest.mark.parametrize("typed", ["+44 20 7946 0000", "020 7946 0000", "(020) 7946-0000"])
    def test_a_number_is_saved_in_international_form(self, client, membership_page, typed):
        client.post("/membership/", form_data(country="GB", phone=typed))

        assert MembershipEnquiry.objects.get().phone == "+442079460000"

    def test_a_number_without_a_country_code_is_read_in_the_chosen_country(self, client, membership_page):
        client.post("/membership/", form_data(country="FR", phone="01 23 45 67 89"))

        assert MembershipEnquiry.objects.get().phone == "+33123456789"

    @pytest.mark.parametrize("typed", ["12", "not a number", "+44 20 7946"])
    def test_a_number_that_cannot_be_right_is_refused_with_an_example(self, client, membership_page, typed):
        html = client.post("/membership/", form_data(phone=typed)).content.decode()

        example = '<span dir="ltr" class="nowrap">+44 20 7946 0000</span>'  # whole, and left to right in Arabic
        assert f"Enter a telephone number in the right format, like {example}" in html
        assert 'id="id_phone_error"' in html
        assert not MembershipEnquiry.objects.exists()

    def test_the_number_stays_optional(self, client, membership_page):
        client.post("/membership/", form_data(phone=""))

        assert MembershipEnquiry.objects.get().phone == ""


class TestPagePasswords:
    PASSWORD = "correct-horse-battery"

    @pytest.fixture
    def private_page(self, home_page):
        page = StandardPageFactory(parent=home_page, title="Members' briefing", introduction="Only for members.")
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password=self.PASSWORD
        )
        return page, restriction

    def attempt(self, client, private_page, password, address="192.0.2.10"):
        page, restriction = private_page
        url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
        return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)

    def test_a_visitor_with_the_password_gets_in(self, client, private_page):
        assert "Only for members." not in client.get(private_page[0].url).content.decode()

        assert self.attempt(client, private_page, self.PASSWORD).status_code == 302

        assert "Only for members." in client.get(private_page[0].url).content.decode()

    def test_five_wrong_passwords_pause_the_form_even_for_the_right_one(self, client, private_page):
        for _ in range(4):
            assert self.attempt(client, private_page, "guess").status_code == 200
        assert self.attempt(client, private_page, "guess").status_code == 429

        paused = self.attempt(client, private_page, self.PASSWORD)

        assert paused.status_code == 429
        assert 0 < int(paused["Retry-After"]) <= 15 * 60
        html = paused.content.decode()
        assert "Too many attempts" in html and "15 minutes" in html and "Exit this page" in html
        assert "Only for members." not in client.get(private_page[0].url).content.decode()

    def test_another_address_still_gets_in(self, client, private_page):
        for _ in range(6):
            self.attempt(Client(), private_page, "guess", address="192.0.2.10")

        other = Client()
        assert self.attempt(other, private_page, self.PASSWORD, address="198.51.100.20").status_code == 302
        assert "Only for members." in other.get(private_page[0].url).content.decode()

    def test_writing_the_numbers_of_the_address_differently_counts_as_the_same_form(
        self, client, private_page, home_page
    ):
        page, restriction = private_page
        other_page = StandardPageFactory(parent=home_page)
        addresses = [
            f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
            f"/_util/authenticate_with_password/00{restriction.pk}/00{page.pk}/",
            f"/_util/authenticate_with_password/{restriction.pk}/0{page.pk}/",
            f"/_util/authenticate_with_password/0{restriction.pk}/{other_page.pk}/",
        ]
        for url in addresses:
            assert (
                client.post(url, {"password": "guess", "return_url": page.url}, REMOTE_ADDR="192.0.2.10").status_code
                == 200
            )

        assert self.attempt(client, private_page, "guess").status_code == 429
        assert self.attempt(client, private_page, self.PASSWORD).status_code == 429

    def test_a_document_password_is_paused_the_same_way(self, client, site):
        collection = Collection.get_first_root_node().add_child(name="Board only")
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password=self.PASSWORD
        )
        url = f"/documents/authenticate_with_password/{restriction.pk}/"
        for _ in range(4):
            assert client.post(url, {"password": "guess", "return_url": "/"}).status_code == 200
        assert client.post(url, {"password": "guess", "return_url": "/"}).status_code == 429

        assert client.post(url, {"password": self.PASSWORD, "return_url": "/"}).status_code == 429
        # The same form, whichever way its number is written.
        same_form = f"/documents/authenticate_with_password/00{restriction.pk}/"
        assert client.post(same_form, {"password": self.PASSWORD, "return_url": "/"}).status_code == 429


class TestPasswordResets:
    """The e-mails go through the queue: counted once the worker has sent what was queued."""

    URL = "/admin/password_reset/"

    def ask(self, email, address="192.0.2.10"):
        return Client().post(self.URL, {"email": email}, REMOTE_ADDR=address)

    def test_eight_requests_for_one_account_send_at_most_three_emails(self, admin_user, worker):
        for _ in range(8):
            self.ask(admin_user.email)
        worker()

        assert 1 <= len(mail.outbox) <= 3
        assert all(message.to == [admin_user.email] for message in mail.outbox)

    def test_one_account_is_limited_whichever_address_asks(self, admin_user, worker):
        for number in range(8):
            self.ask(admin_user.email.upper(), address=f"198.51.100.{number}")
        worker()

        assert len(mail.outbox) == 3

    def test_one_address_asking_for_many_accounts_is_limited(self, admin_user, worker):
        for number in range(10):
            self.ask(f"nobody{number}@example.org")

        self.ask(admin_user.email)
        worker()

        assert mail.outbox == []

    def test_known_unknown_and_limited_requests_get_the_same_answer(self, admin_user, worker):
        known = self.ask(admin_user.email)
        unknown = self.ask("nobody@example.org")
        for _ in range(5):
            limited = self.ask(admin_user.email)
        worker()

        assert len(mail.outbox) == 3
        answers = {(response.status_code, response["Location"]) for response in (known, unknown, limited)}
        assert answers == {(302, "/admin/password_reset/done/")}


class TestRefusedRequestsInTheLog:
    """A request the site refuses is the sender's mistake, not the site's: one warning line, no traceback."""

    def logged_line(self, caplog, send, status=400):
        with caplog.at_level("WARNING"):
            assert send().status_code == status
        records = [record for record in caplog.records if record.levelno >= 30]
        assert [(record.levelname, record.exc_info) for record in records] == [("WARNING", None)]
        return records[0].getMessage()

    def test_a_file_sent_to_a_public_form(self, client, membership_page, caplog):
        data = form_data(attachment=SimpleUploadedFile("note.txt", b"hello"))

        line = self.logged_line(caplog, lambda: client.post("/membership/", data))

        assert line == "Refused POST /membership/: A public form was sent a file"

    def test_too_many_fields(self, client, membership_page, caplog, settings):
        settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 20
        data = {**form_data(), **{f"extra{number}": "x" for number in range(30)}}

        line = self.logged_line(caplog, lambda: client.post("/membership/", data))

        assert line.startswith("Refused POST /membership/: The number of GET/POST parameters exceeded")

    def test_too_many_files_in_the_admin(self, admin_client, home_page, caplog, settings):
        settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
        files = {f"file{number}": SimpleUploadedFile(f"{number}.txt", b"x") for number in range(3)}

        line = self.logged_line(caplog, lambda: admin_client.post("/admin/documents/multiple/add/", files))

        assert line.startswith("Refused POST /admin/documents/multiple/add/: The number of files exceeded")

    def test_a_body_too_large_in_the_admin(self, admin_client, home_page, caplog, settings):
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
        send = lambda: admin_client.post("/admin/documents/add/", {"title": "x" * 2000})  # noqa: E731

        line = self.logged_line(caplog, send, status=413)

        assert line.startswith("Refused POST /admin/documents/add/: Request body exceeded")

    def test_a_host_that_is_not_the_sites(self, client, home_page, caplog, settings):
        settings.ALLOWED_HOSTS = ["www.example.org"]

        line = self.logged_line(caplog, lambda: client.get("/", HTTP_HOST="203.0.113.7"))

        assert line.startswith("Refused GET /: Invalid HTTP_HOST header: '203.0.113.7'")
