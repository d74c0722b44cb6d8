"""Security findings fixed at their cause: private files, robots.txt, the page cache's key,
server-error logging, and the pages that used to fall outside the site's design.

Each test checks what a visitor, an attacker or the person reading the server's log would see.
"""

import logging
import os
import re
import subprocess
import sys
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils.log import AdminEmailHandler
from wagtail.documents.models import Document
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from membership.models import MembershipEnquiry
from tests.factories.home import StandardPageFactory
from tests.factories.membership import MembershipPageFactory, form_data
from website import views
from website.middleware import PageCacheMiddleware
from website.models import CustomImage

PASSWORD = "a-long-member-password"


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("member", "member@example.org", PASSWORD)


@pytest.fixture
def private_document(site):
    """Board minutes in a collection only logged-in users may open, with a real file on disk."""
    collection = Collection.get_first_root_node().add_child(name="Members only")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return Document.objects.create(
        title="Board minutes",
        collection=collection,
        file=ContentFile(b"%PDF-1.4\n% confidential minutes\n", name="board-minutes.pdf"),
    )


class TestUploadedFiles:
    def test_a_private_document_opens_only_through_the_document_view(self, client, private_document, member):
        assert os.path.exists(private_document.file.path)

        assert client.get(f"/media/{private_document.file.name}").status_code == 404
        refused = client.get(private_document.url)
        assert refused.status_code == 302
        assert refused["Location"].startswith("/_util/login/?next=")

        client.force_login(member)
        assert b"confidential minutes" in b"".join(client.get(private_document.url).streaming_content)

    def test_a_document_link_is_the_document_view_not_the_file(self, private_document):
        assert django_settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
        assert private_document.url == f"/documents/{private_document.pk}/board-minutes.pdf"

    def test_an_uploaded_original_is_never_served_but_its_renditions_are(self, client, site):
        image = CustomImage.objects.create(title="Portrait", file=get_test_image_file(filename="portrait.png"))
        rendition = image.get_rendition("width-100")

        assert client.get(f"/media/{image.file.name}").status_code == 404
        assert rendition.url.startswith("/media/images/")
        assert client.get(rendition.url).status_code == 200

    def test_nothing_in_the_media_folder_but_renditions_has_an_address(self, db):
        """Wherever MEDIA_ROOT points, documents and originals are not routed to any file view."""
        for address in ("/media/documents/board-minutes.pdf", "/media/original_images/portrait.png", "/media/x.pdf"):
            with pytest.raises(Resolver404):
                resolve(address)

    def test_no_path_trick_climbs_out_of_the_renditions_folder(self, client, private_document):
        for trick in ("../documents/", "%2e%2e/documents/", "..%2fdocuments/", "/../documents/"):
            response = client.get(f"/media/images/{trick}board-minutes.pdf")
            assert response.status_code in (400, 404), trick


class TestRobots:
    def test_robots_txt_never_names_the_admin_wherever_it_is(self, client, site, settings):
        settings.WAGTAILADMIN_PATH = "editors-door-7f3a/"

        text = client.get("/robots.txt").content.decode()

        assert "editors-door" not in text
        assert "admin" not in text
        assert f"Sitemap: {site.root_url}/sitemap.xml" in text

    def test_the_admin_asks_search_engines_not_to_index_it(self, client, site):
        assert "noindex" in client.get("/admin/login/")["X-Robots-Tag"]


def test_the_page_cache_keeps_http_and_https_apart(rf, settings):
    """What an http request rendered never reaches an https visitor, whatever the page holds."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

    plain = rf.get("/about/", HTTP_HOST="testserver", HTTP_X_FORWARDED_PROTO="http")
    secure = rf.get("/about/", HTTP_HOST="testserver", HTTP_X_FORWARDED_PROTO="https")

    assert PageCacheMiddleware.key(plain) != PageCacheMiddleware.key(secure)


class TestErrorLogging:
    def test_a_server_error_is_logged_once_with_its_traceback(self, home_page, caplog):
        client = Client(raise_request_exception=False)
        with mock.patch("wagtail.models.Page.serve", side_effect=RuntimeError("the page broke")):
            response = client.get("/")

        assert response.status_code == 500
        logged = [record for record in caplog.records if record.exc_info]
        assert len(logged) == 1
        assert logged[0].name == "django.request"
        assert "RuntimeError: the page broke" in caplog.text

    def test_a_missing_page_is_not_logged_with_its_path(self, client, home_page, caplog):
        client.get("/help-for-my-situation/")
        assert "help-for-my-situation" not in caplog.text

    def test_nothing_is_mailed(self, db):
        for name in ("", "django", "django.request", "django.security"):
            assert not any(isinstance(handler, AdminEmailHandler) for handler in logging.getLogger(name).handlers)

    def test_production_writes_errors_and_security_warnings_to_standard_error(self, tmp_path):
        """What gunicorn collects: the traceback and security warnings, not the paths of 404s."""
        script = """
import logging, django
django.setup()
try:
    raise RuntimeError("the page broke")
except RuntimeError:
    logging.getLogger("django.request").exception("Internal Server Error: /")
logging.getLogger("django.request").warning("Not Found: /help-for-my-situation/")
logging.getLogger("django.security.DisallowedHost").warning("Invalid HTTP_HOST header")
"""
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": "a-secret-only-for-this-test",
            "ALLOWED_HOSTS": "localhost",
            "WAGTAILADMIN_BASE_URL": "https://www.example.org",
            "SQLITE_PATH": str(tmp_path / "unused.sqlite3"),
        }
        result = subprocess.run(
            [sys.executable, "-c", script],
            env=environment,
            cwd=django_settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=60,
        )

        assert result.returncode == 0, result.stderr
        assert "Traceback" in result.stderr and "RuntimeError: the page broke" in result.stderr
        assert "Invalid HTTP_HOST header" in result.stderr
        assert "help-for-my-situation" not in result.stderr
        assert result.stdout == ""


class TestCsrfFailure:
    def test_an_expired_form_gets_a_page_in_the_sites_design_that_offers_it_again(self, home_page):
        MembershipPageFactory(parent=home_page)
        visitor = Client(enforce_csrf_checks=True)

        response = visitor.post("/membership/", form_data())

        assert response.status_code == 403
        html = response.content.decode()
        assert "Exit this page" in html and 'class="site-header"' in html
        assert "Nothing was saved" in html
        assert 'href="/membership/"' in html
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert MembershipEnquiry.objects.count() == 0

    def test_the_link_back_never_leads_to_another_site(self, rf, site):
        from django.contrib.auth.models import AnonymousUser

        for address in ("//evil.example/", "/\\evil.example/"):
            request = rf.post(address)
            request.user = AnonymousUser()

            html = views.csrf_failure(request, reason="CSRF token missing.").content.decode()

            assert "evil.example" not in html
            assert 'href="/"' in html


class TestFrontEndLogin:
    URL = "/_util/login/"

    def test_the_login_page_is_in_the_sites_design_with_labelled_fields(self, client, site):
        html = client.get(self.URL).content.decode()

        assert "Exit this page" in html and 'class="site-header"' in html
        assert '<label class="form-label" for="id_username">' in html
        assert '<label class="form-label" for="id_password">' in html

    def test_a_wrong_password_is_explained_above_the_form(self, client, member):
        response = client.post(self.URL, {"username": "member", "password": "not-the-password"})

        html = response.content.decode()
        assert response.status_code == 200
        assert 'class="error-summary"' in html
        assert "correct username and password" in html

    def test_a_missing_field_is_marked_next_to_it(self, client, site):
        html = client.post(self.URL, {"username": "member", "password": ""}).content.decode()

        assert 'id="id_password_error"' in html
        assert 'aria-describedby="id_password_error"' in html and 'aria-invalid="true"' in html

    def test_logging_in_without_a_destination_goes_to_the_home_page(self, client, member):
        response = client.post(self.URL, {"username": "member", "password": PASSWORD})

        assert response.status_code == 302
        assert response["Location"] == "/"

    def test_a_private_page_sends_visitors_to_log_in_and_back(self, client, home_page, member):
        page = StandardPageFactory(parent=home_page, slug="members")
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

        assert client.get("/members/")["Location"] == f"{self.URL}?next=/members/"
        response = client.post(self.URL, {"username": "member", "password": PASSWORD, "next": "/members/"})

        assert response["Location"] == "/members/"
        assert client.get("/members/").status_code == 200


class TestPagePasswords:
    """A page password and a password-protected collection ask for it in the site's design."""

    PAGE_PASSWORD = "board-papers-2025"

    @pytest.fixture
    def protected_page(self, home_page):
        page = StandardPageFactory(parent=home_page, slug="board-papers", title="Board papers")
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password=self.PAGE_PASSWORD
        )
        return page

    @pytest.fixture
    def protected_document(self, site):
        collection = Collection.get_first_root_node().add_child(name="Board only")
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password=self.PAGE_PASSWORD
        )
        return Document.objects.create(
            title="Board pack",
            collection=collection,
            file=ContentFile(b"%PDF-1.4\n% the board pack\n", name="board-pack.pdf"),
        )

    @staticmethod
    def action_url(html):
        return re.search(r'<form method="post" action="([^"]+)"', html).group(1)

    def test_a_protected_page_asks_for_its_password_in_the_sites_design(self, client, protected_page):
        response = client.get("/board-papers/")

        html = response.content.decode()
        assert response.status_code == 200
        assert "Exit this page" in html and 'class="site-header"' in html
        assert "<h1>Password required</h1>" in html and "open this page" in html
        assert '<label class="form-label" for="id_password">Password</label>' in html
        assert self.action_url(html).startswith("/_util/authenticate_with_password/")
        assert 'name="return_url" value="/board-papers/"' in html
        assert "no-store" in response["Cache-Control"]

    def test_a_wrong_page_password_is_marked_next_to_the_field_and_above_the_form(self, client, protected_page):
        action_url = self.action_url(client.get("/board-papers/").content.decode())

        response = client.post(action_url, {"password": "a-guess", "return_url": "/board-papers/"})

        html = response.content.decode()
        assert response.status_code == 200
        assert "Exit this page" in html
        assert 'class="error-summary"' in html and 'href="#id_password"' in html
        assert 'id="id_password_error"' in html and "The password you have entered is not correct" in html
        assert 'aria-describedby="id_password_error"' in html and 'aria-invalid="true"' in html
        assert "<title>Error: Password required | WePROTECT Global Alliance</title>" in html

    def test_the_right_page_password_opens_the_page(self, client, protected_page):
        action_url = self.action_url(client.get("/board-papers/").content.decode())

        response = client.post(action_url, {"password": self.PAGE_PASSWORD, "return_url": "/board-papers/"})

        assert response.status_code == 302
        assert response["Location"] == "/board-papers/"
        html = client.get("/board-papers/").content.decode()
        assert "Password required" not in html and "Board papers" in html

    def test_a_protected_document_asks_for_its_password_in_the_sites_design(self, client, protected_document):
        response = client.get(protected_document.url)

        html = response.content.decode()
        assert response.status_code == 200
        assert "Exit this page" in html and 'class="site-header"' in html
        assert "open this document" in html
        assert '<label class="form-label" for="id_password">Password</label>' in html
        assert self.action_url(html).startswith("/documents/authenticate_with_password/")
        assert "the board pack" not in html

    def test_a_wrong_document_password_is_marked_and_the_right_one_opens_it(self, client, protected_document):
        action_url = self.action_url(client.get(protected_document.url).content.decode())

        wrong = client.post(action_url, {"password": "a-guess", "return_url": protected_document.url}).content.decode()
        assert 'class="error-summary"' in wrong and "Exit this page" in wrong
        assert 'id="id_password_error"' in wrong and 'aria-describedby="id_password_error"' in wrong

        right = client.post(action_url, {"password": self.PAGE_PASSWORD, "return_url": protected_document.url})
        assert right.status_code == 302 and right["Location"] == protected_document.url
        assert b"the board pack" in b"".join(client.get(protected_document.url).streaming_content)


class TestRenditionCaching:
    """Renditions are public and renamed when their image changes: browsers and a CDN keep them."""

    @pytest.fixture
    def rendition(self, site):
        image = CustomImage.objects.create(title="Portrait", file=get_test_image_file(filename="portrait.png"))
        return image.get_rendition("width-100")

    @staticmethod
    def assert_cached_for_a_year(response):
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert cache_control == {"public", "max-age=31536000", "immutable"}

    def test_a_rendition_may_be_kept_for_a_year_by_anyone(self, client, rendition):
        response = client.get(rendition.url)

        assert response.status_code == 200
        self.assert_cached_for_a_year(response)

    def test_a_signed_in_visitor_gets_the_same_public_rendition(self, client, rendition, member):
        client.force_login(member)

        self.assert_cached_for_a_year(client.get(rendition.url))

    def test_a_revalidated_rendition_keeps_its_headers(self, client, rendition):
        last_modified = client.get(rendition.url)["Last-Modified"]

        response = client.get(rendition.url, HTTP_IF_MODIFIED_SINCE=last_modified)

        assert response.status_code == 304
        self.assert_cached_for_a_year(response)

    def test_a_missing_rendition_is_not_kept(self, client, site):
        response = client.get("/media/images/no-such-image.width-100.png")

        assert response.status_code == 404
        assert "immutable" not in response.get("Cache-Control", "")

    def test_an_image_uploaded_again_under_the_same_long_name_gets_new_rendition_addresses(self, site):
        name = "a-long-photograph-name-from-a-camera-or-a-press-office-2025.png"
        first = CustomImage.objects.create(title="First", file=get_test_image_file(filename=name))
        old_url = first.get_rendition("width-100").url
        first.delete()
        again = CustomImage.objects.create(title="Again", file=get_test_image_file(filename=name))

        assert again.get_rendition("width-100").url != old_url
