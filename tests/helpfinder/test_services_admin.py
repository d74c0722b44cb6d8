"""Editors keep the help finder's services in the admin, and see which are due for a re-check."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from openpyxl import load_workbook

from helpfinder.models import CHECK_EVERY_DAYS, Service
from tests.factories.helpfinder import ServiceFactory

LIST = "wagtailsnippets_helpfinder_service:list"
ADD = "wagtailsnippets_helpfinder_service:add"
EDIT = "wagtailsnippets_helpfinder_service:edit"
REPORT = "helpfinder_services_to_recheck"

pytestmark = pytest.mark.django_db


def user_in(django_user_model, group_name):
    user = django_user_model.objects.create_user(group_name.lower(), f"{group_name}@example.org", "a-long-password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(client, django_user_model, site):
    client.force_login(user_in(django_user_model, "Editors"))
    return client


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def form(**fields):
    data = {
        "country": "KE",
        "kind": "child_helpline",
        "organisation": "Example Trust",
        "name": "Example Line",
        "url": "https://line.example.org/",
        "phone": "116",
        "audience": "anyone",
        "languages": "en, sw",
        "last_checked": "",
        "source": "",
    }
    data.update(fields)
    return data


@pytest.mark.parametrize("group_name", ["Editors", "Moderators"])
def test_editors_and_moderators_add_change_and_delete_services(client, django_user_model, site, group_name):
    client.force_login(user_in(django_user_model, group_name))
    assert client.post(reverse(ADD), form()).status_code == 302
    service = Service.objects.get(name="Example Line")

    assert client.post(reverse(EDIT, args=[service.pk]), form(phone="116 111")).status_code == 302
    service.refresh_from_db()
    assert service.phone == "116 111"

    delete = reverse("wagtailsnippets_helpfinder_service:delete", args=[service.pk])
    assert client.post(delete).status_code == 302
    assert not Service.objects.exists()


def test_the_form_refuses_a_service_with_no_way_to_reach_it_and_a_number_without_digits(editor):
    response = editor.post(reverse(ADD), form(url="", phone=""))
    assert "web address, its phone number or both" in response.content.decode()
    response = editor.post(reverse(ADD), form(phone="ask at reception"))
    assert "Give the number in digits" in response.content.decode()
    assert not Service.objects.exists()


def test_the_list_shows_country_kind_last_checked_and_a_web_address_problem(editor):
    ServiceFactory(name="Checked line", country="KE", last_checked=datetime.date(2025, 3, 4))
    ServiceFactory(name="Global directory", country="", kind="directory", link_problem="404 Not Found")
    html = editor.get(reverse(LIST)).content.decode()
    assert "Help finder services" in html  # the menu
    assert "Checked line" in html and "Kenya" in html and "Child helpline" in html and "4 Mar 2025" in html
    assert "Every country" in html and "Directory of services" in html and "Never" in html
    assert "404 Not Found" in html


@pytest.mark.parametrize(
    ("query", "listed", "not_listed"),
    [
        ({"country": "UG"}, "Ugandan line", "Kenyan line"),
        ({"country": "every"}, "Global directory", "Kenyan line"),
        ({"kind": "directory"}, "Global directory", "Ugandan line"),
        ({"audience": "children"}, "Kenyan line", "Ugandan line"),
        ({"needs_checking": "true"}, "Ugandan line", "Kenyan line"),
        ({"needs_checking": "false"}, "Kenyan line", "Ugandan line"),
        ({"link_problem": "true"}, "Global directory", "Kenyan line"),
        ({"q": "Kenyan"}, "Kenyan line", "Ugandan line"),
        ({"q": "Trust of Uganda"}, "Ugandan line", "Kenyan line"),
    ],
)
def test_the_list_filters_and_searches(editor, query, listed, not_listed):
    ServiceFactory(name="Kenyan line", country="KE", audience="children", last_checked=days_ago(10))
    ServiceFactory(name="Ugandan line", country="UG", organisation="Trust of Uganda", last_checked=None)
    ServiceFactory(name="Global directory", country="", kind="directory", last_checked=days_ago(10), link_problem="x")
    html = editor.get(reverse(LIST), query).content.decode()
    assert listed in html
    assert not_listed not in html


def test_the_country_filter_offers_each_country_with_services_once(editor):
    ServiceFactory.create_batch(2, country="KE", kind="csam_hotline")
    ServiceFactory(country="KE", kind="child_helpline")

    html = editor.get(reverse(LIST)).content.decode()

    assert html.count('<option value="KE">Kenya</option>') == 1
    assert '<option value="UG">' not in html


def test_the_editor_shows_the_last_try_of_the_web_address(editor):
    service = ServiceFactory(link_checked_at=timezone.now(), link_problem="404 Not Found")
    html = editor.get(reverse(EDIT, args=[service.pk])).content.decode()
    assert "Web address check" in html and "404 Not Found" in html

    never_tried = ServiceFactory()
    assert "Not tried yet" in editor.get(reverse(EDIT, args=[never_tried.pk])).content.decode()


def test_the_editor_cannot_change_the_link_check_result(editor):
    service = ServiceFactory(link_problem="404 Not Found")
    editor.post(reverse(EDIT, args=[service.pk]), form(link_problem="", link_checked_at="2020-01-01T00:00"))
    service.refresh_from_db()
    assert service.link_problem == "404 Not Found" and service.link_checked_at is None


@pytest.fixture
def due_services():
    """Three services due for a re-check and one checked recently."""
    ServiceFactory(name="Checked recently", last_checked=days_ago(30))
    ServiceFactory(
        name="Checked long ago", last_checked=days_ago(CHECK_EVERY_DAYS + 400), source="https://src.example/"
    )
    ServiceFactory(name="Checked over a year ago", last_checked=days_ago(CHECK_EVERY_DAYS + 1))
    ServiceFactory(name="Never checked", last_checked=None, country="", link_problem="404 Not Found")


def test_the_report_lists_services_due_never_checked_first_then_the_oldest(editor, due_services):
    html = editor.get(reverse(REPORT)).content.decode()
    assert "Checked recently" not in html
    positions = [html.index(name) for name in ("Never checked", "Checked long ago", "Checked over a year ago")]
    assert positions == sorted(positions)
    never = Service.objects.get(name="Never checked")
    assert reverse(EDIT, args=[never.pk]) in html  # each row leads to its editor
    assert "Every country" in html and "404 Not Found" in html and "https://src.example/" in html


def test_the_report_exports_a_spreadsheet(editor, due_services):
    response = editor.get(reverse(REPORT), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Service"] for row in rows] == ["Never checked", "Checked long ago", "Checked over a year ago"]
    assert rows[0]["Country"] == "Every country" and rows[0]["Web address problem"] == "404 Not Found"
    assert rows[1]["Source"] == "https://src.example/"

    response = editor.get(reverse(REPORT), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [cell.value for cell in sheet["A"]] == [
        "Service",
        "Never checked",
        "Checked long ago",
        "Checked over a year ago",
    ]


def test_the_reports_export_never_hands_a_spreadsheet_a_formula(editor, db):
    ServiceFactory(name='=HYPERLINK("http://evil.example","x")', organisation="Acme;=1+1", phone="+44 800 1111")
    response = editor.get(reverse(REPORT), {"export": "csv"})
    [row] = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert row["Service"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["Organisation"] == "Acme;'=1+1"
    assert row["Phone number"] == "'+44 800 1111"

    response = editor.get(reverse(REPORT), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    service = sheet["A2"]
    assert (service.value, service.data_type) == ('=HYPERLINK("http://evil.example","x")', "s")  # text, as typed


def test_only_those_who_may_change_services_see_the_report(client, django_user_model, site):
    reports_menu_url = reverse(REPORT)
    nobody = django_user_model.objects.create_user("reader", "reader@example.org", "a-long-password")
    nobody.user_permissions.add(*Group.objects.get(name="Editors").permissions.filter(codename="access_admin"))
    client.force_login(nobody)
    assert client.get(reports_menu_url).status_code in (302, 403)
    assert reports_menu_url not in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(user_in(django_user_model, "Editors"))
    assert client.get(reports_menu_url).status_code == 200
    assert reports_menu_url in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("url", [reverse_lazy(LIST), reverse_lazy(REPORT)])
def test_the_list_and_the_report_take_as_many_queries_for_60_services_as_for_5(editor, url):
    editor.get(url)  # the first request's own lookups (the session, the user's groups) are not counted

    def queries_with(count):
        Service.objects.all().delete()
        ServiceFactory.create_batch(count, last_checked=None)
        with CaptureQueriesContext(connection) as queries:
            assert editor.get(url).status_code == 200
        return len(queries)

    assert queries_with(5) == queries_with(60)
