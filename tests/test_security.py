"""Hardening: security headers, the admin's login lock-out, oversized bodies and a failing database."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.db import OperationalError, connection
from django.test import Client

from membership.models import MembershipEnquiry
from tests.factories.membership import MembershipPageFactory, form_data


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


class TestHeaders:
    def test_public_pages_have_a_strict_content_security_policy(self, client, home_page):
        for response in (client.get("/"), client.get("/")):  # rendered, then from the cache
            policy = directives(response)
            assert policy["script-src"] == ["'self'"]
            assert policy["object-src"] == ["'none'"]
            assert policy["frame-ancestors"] == ["'none'"]
            assert policy["base-uri"] == ["'self'"]
            assert policy["form-action"] == ["'self'"]
            assert "'unsafe-inline'" not in response["Content-Security-Policy"]
            assert "'unsafe-eval'" not in response["Content-Security-Policy"]

    def test_public_pages_have_no_inline_script_a_strict_policy_would_block(self, client, home_page):
        html = client.get("/").content.decode()
        for script in html.split("<script")[1:]:
            opening_tag = script.split(">", 1)[0]
            assert "src=" in opening_tag or 'type="application/ld+json"' in opening_tag

    def test_the_admin_has_its_own_policy_that_lets_previews_frame_it(self, client, admin_user, home_page):
        client.force_login(admin_user)
        policy = directives(client.get(f"/admin/pages/{home_page.pk}/edit/"))
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]

    def test_every_response_carries_the_other_security_headers(self, client, home_page):
        for url in ("/", "/no-such-page/", "/admin/login/", "/robots.txt"):
            response = client.get(url)
            assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
            assert response["X-Content-Type-Options"] == "nosniff"
            assert response["Cross-Origin-Opener-Policy"] == "same-origin"
            assert "camera=()" in response["Permissions-Policy"]
            assert "geolocation=()" in response["Permissions-Policy"]


class TestAdminLogin:
    URL = "/admin/login/"

    def attempt(self, client, username, password, address="192.0.2.10"):
        return client.post(self.URL, {"username": username, "password": password}, REMOTE_ADDR=address)

    def test_five_failures_lock_the_user_name_with_a_clear_message(self, client, admin_user):
        for _ in range(4):
            assert self.attempt(client, admin_user.username, "wrong-password").status_code == 200
        assert self.attempt(client, admin_user.username, "wrong-password").status_code == 429

        locked = self.attempt(client, admin_user.username, "password")  # even the right password

        assert locked.status_code == 429
        assert "Signing in is paused" in locked.content.decode()
        assert "15 minutes" in locked.content.decode()

    def test_the_lock_applies_to_the_user_name_from_any_address(self, client, admin_user):
        for number in range(5):
            self.attempt(client, admin_user.username, "wrong-password", address=f"198.51.100.{number}")
        assert self.attempt(Client(), admin_user.username, "password", address="203.0.113.9").status_code == 429

    def test_the_lock_applies_to_the_address_whatever_the_user_name(self, client, admin_user):
        for number in range(5):
            self.attempt(client, f"guess{number}", "wrong-password")
        assert self.attempt(Client(), admin_user.username, "password").status_code == 429

    def test_the_lock_expires(self, client, admin_user):
        for _ in range(5):
            self.attempt(client, admin_user.username, "wrong-password")
        AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16))

        signed_in = self.attempt(client, admin_user.username, "password")

        assert signed_in.status_code == 302

    def test_passwords_must_be_strong(self, db):
        from django.contrib.auth.password_validation import validate_password
        from django.core.exceptions import ValidationError

        for weak in ("password123", "short", "12345678901234"):
            with pytest.raises(ValidationError):
                validate_password(weak)
        validate_password("a-long-and-unusual-phrase")


@pytest.fixture
def membership_page(home_page):
    return MembershipPageFactory(parent=home_page)


def test_an_oversized_body_gets_a_413_page_in_the_sites_design(client, membership_page, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50_000
    response = client.post("/membership/", form_data(message="x" * 60_000))

    assert response.status_code == 413
    html = response.content.decode()
    assert "too large" in html and "Nothing was saved" in html and "Exit this page" in html
    assert MembershipEnquiry.objects.count() == 0


def test_a_malformed_request_gets_a_400_page_in_the_sites_design(client, home_page):
    response = client.get("/", HTTP_HOST="bad host name")
    assert response.status_code == 400
    assert "could not read that request" in response.content.decode()


def refuse_writes_to_the_register(execute, sql, params, many, context):
    if "membership_membershipenquiry" in sql and sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
        raise OperationalError("could not connect to server: Connection refused")
    return execute(sql, params, many, context)


def test_a_database_failure_during_a_submission_says_nothing_was_saved(client, membership_page):
    with connection.execute_wrapper(refuse_writes_to_the_register):
        response = client.post("/membership/", form_data())

    assert response.status_code == 503
    html = response.content.decode()
    assert "Nothing you sent has been saved" in html
    assert "Exit this page" in html
    assert response["Retry-After"] == "60"
    assert MembershipEnquiry.objects.count() == 0
