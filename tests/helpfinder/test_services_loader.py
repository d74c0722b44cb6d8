"""Loading the project's list of services: idempotent, and an editor's work always wins."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from helpfinder.loader import DEFAULT_LIST, load_services
from helpfinder.models import Service, ServiceKind

pytestmark = pytest.mark.django_db

HEADER = "country_code,country_name,kind,organisation,service_name,url,phone,audience,languages,source_url,source_date"
HOTLINE = "KE,Kenya,csam_hotline,Example Trust,Example Hotline,https://report.example.org/,116,anyone,en;sw,,"


def write_list(tmp_path, *rows, name="services.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def row(**changes):
    fields = dict(zip(HEADER.split(","), HOTLINE.split(","), strict=True))
    fields.update(changes)
    return ",".join(fields.values())


def test_all_116_services_of_the_real_list_load_and_a_second_load_creates_nothing():
    first = load_services()
    assert (first.created, Service.objects.count()) == (116, 116)

    second = load_services()

    assert (second.created, second.updated, second.unchanged) == (0, 0, 116)
    assert Service.objects.count() == 116


def test_every_loaded_service_passes_the_editors_form_checks():
    load_services()
    for service in Service.objects.all():
        service.full_clean()


def test_the_command_loads_a_given_list_and_says_what_it_did(tmp_path):
    out = StringIO()
    call_command("load_help_services", str(write_list(tmp_path, HOTLINE)), stdout=out)
    assert "1 services created, 0 updated from the list, 0 unchanged, 0 left deleted" in out.getvalue()
    service = Service.objects.get()
    assert (service.name, service.country.code, service.languages) == ("Example Hotline", "KE", "en, sw")


def test_the_command_loads_the_projects_list_by_default():
    out = StringIO()
    call_command("load_help_services", stdout=out)
    assert "116 services created" in out.getvalue()
    assert str(DEFAULT_LIST).endswith("helpfinder/services.csv")


@pytest.mark.parametrize("field", ["url", "phone", "audience", "languages", "last_checked", "source", "kind"])
def test_an_editors_change_is_kept_when_a_newer_list_changes_the_same_field(tmp_path, field):
    load_services(write_list(tmp_path, HOTLINE))
    edited = {
        "url": "https://edited.example.org/",
        "phone": "0800 000",
        "audience": "children",
        "languages": "fr",
        "last_checked": datetime.date(2026, 5, 1),
        "source": "https://source.example.org/edited",
        "kind": ServiceKind.POLICE,
    }[field]
    Service.objects.update(**{field: edited})
    newer = {
        "url": dict(url="https://newer.example.org/"),
        "phone": dict(phone="999"),
        "audience": dict(audience="adults"),
        "languages": dict(languages="de"),
        "last_checked": dict(source_date="2025-02-03"),
        "source": dict(source_url="https://source.example.org/newer"),
        "kind": dict(kind="removal_tool"),
    }[field]

    load_services(write_list(tmp_path, row(**newer), name="newer.csv"))

    assert getattr(Service.objects.get(), field) == edited


def test_a_field_the_editor_left_alone_takes_the_newer_lists_value(tmp_path):
    load_services(write_list(tmp_path, HOTLINE))
    Service.objects.update(phone="0800 000")  # the editor corrected the number only

    result = load_services(write_list(tmp_path, row(url="https://newer.example.org/", phone="999"), name="newer.csv"))

    service = Service.objects.get()
    assert result.updated == 1
    assert service.url == "https://newer.example.org/"
    assert service.phone == "0800 000"


def test_a_service_an_editor_deleted_is_not_created_again(tmp_path):
    path = write_list(tmp_path, HOTLINE)
    load_services(path)
    Service.objects.get().delete()

    result = load_services(path)

    assert not Service.objects.exists()
    assert (result.created, result.skipped) == (0, 1)


def test_zz_rows_are_for_every_country_and_global_ones_are_directories(tmp_path):
    load_services(write_list(tmp_path, row(country_code="ZZ", country_name="Global", kind="global")))
    service = Service.objects.get()
    assert service.country == ""
    assert service.country_name == "Every country"
    assert service.kind == ServiceKind.DIRECTORY


@pytest.mark.parametrize(
    ("source_date", "checked"),
    [
        ("2022", datetime.date(2022, 1, 1)),
        ("2022-01", datetime.date(2022, 1, 1)),
        ("2022-01-31", datetime.date(2022, 1, 31)),
        ("", None),
    ],
)
def test_the_source_date_is_the_earliest_day_it_can_mean(tmp_path, source_date, checked):
    load_services(write_list(tmp_path, row(source_date=source_date)))
    service = Service.objects.get()
    assert service.last_checked == checked
    assert service.needs_checking  # all of them are more than a year old, or never checked
