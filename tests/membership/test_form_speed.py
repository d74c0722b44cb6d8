"""The blank membership form is rendered once per content version and shared, yet every
visitor gets their own CSRF token and form tokens, and an editor's change shows at once."""

import re
import time

import pytest
from django.core import signing
from django.test import Client
from wagtail.models import PageViewRestriction

from membership.forms import FORM_SIGNING_SALT

MIDDLEWARE = "membership.rendering.BlankFormMiddleware"


@pytest.fixture(params=["view", "middleware"])
def served_by(request, settings):
    """Each test runs with the shared page served by the view alone, and by the middleware before routing."""
    if request.param == "view":
        settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != MIDDLEWARE]
    assert (MIDDLEWARE in settings.MIDDLEWARE) == (request.param == "middleware")
    return request.param


def hidden_value(html, name):
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def visitor_values(response):
    html = response.content.decode()
    return {name: hidden_value(html, name) for name in ("csrfmiddlewaretoken", "started", "token")}


def test_every_visitor_gets_their_own_tokens(membership_page, served_by):
    first, second = Client().get("/membership/"), Client().get("/membership/")
    first_values, second_values = visitor_values(first), visitor_values(second)
    for name in first_values:
        assert first_values[name] != second_values[name], name
    assert "Marker" not in second.content.decode()
    started = signing.loads(second_values["started"], salt=FORM_SIGNING_SALT)
    assert abs(time.time() - started) < 60  # signed now, not when the page was first rendered


def test_a_later_visitor_can_send_the_form_past_the_csrf_check(membership_page, served_by):
    Client().get("/membership/")
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get("/membership/")
    assert "csrftoken" in response.cookies
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    posted = visitor.post("/membership/", visitor_values(response))
    assert posted.status_code == 200 and "There is a problem" in posted.content.decode()  # not a 403


def test_the_shared_page_costs_no_query_before_routing(membership_page, settings, django_assert_num_queries):
    axes = settings.MIDDLEWARE.index("axes.middleware.AxesMiddleware")
    if MIDDLEWARE not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE[:axes], MIDDLEWARE, *settings.MIDDLEWARE[axes:]]
    Client().get("/membership/")
    with django_assert_num_queries(0):
        assert Client().get("/membership/").status_code == 200


def test_an_editors_publish_shows_at_once(client, membership_page, served_by):
    client.get("/membership/")
    membership_page.introduction = "Freshly published introduction."
    membership_page.save_revision().publish()
    assert "Freshly published introduction." in Client().get("/membership/").content.decode()


def test_a_page_made_private_is_no_longer_shared(membership_page, served_by):
    Client().get("/membership/")
    PageViewRestriction.objects.create(page=membership_page, restriction_type="password", password="secret")
    html = Client().get("/membership/").content.decode()
    assert "Password required" in html and 'name="organisation_name"' not in html


def test_someone_signed_in_gets_the_page_rendered_for_them(membership_page, admin_user, served_by):
    Client().get("/membership/")
    editor = Client()
    editor.force_login(admin_user)
    html = editor.get("/membership/").content.decode()
    assert "wagtail-userbar" in html
    assert "wagtail-userbar" not in Client().get("/membership/").content.decode()
