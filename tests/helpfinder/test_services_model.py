"""A service's own checks and what it says about itself."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from helpfinder.models import CHECK_EVERY_DAYS, Service
from tests.factories.helpfinder import ServiceFactory


def service(**fields):
    values = dict(country="KE", kind="child_helpline", organisation="Example Trust", name="Example Line")
    values.update(fields)
    return Service(**values)


def test_a_service_needs_a_web_address_or_a_phone_number():
    with pytest.raises(ValidationError, match="web address, its phone number or both"):
        service(url="", phone="").clean()
    service(url="https://example.org/", phone="").clean()
    service(url="", phone="116 111").clean()


def test_a_phone_number_without_digits_is_refused_next_to_the_field():
    with pytest.raises(ValidationError) as refused:
        service(phone="call us").clean()
    assert list(refused.value.message_dict) == ["phone"]
    assert "in digits" in refused.value.message_dict["phone"][0]


@pytest.mark.parametrize(
    ("phone", "dialled"),
    [
        ("116 111", "116111"),
        ("+44 1372 847 161", "+441372847161"),
        ("1-800-843-5678 (1-800-THE-LOST)", "18008435678"),
        ("0800-2000", "08002000"),
    ],
)
def test_dial_is_the_number_a_phone_dials(phone, dialled):
    assert service(phone=phone).dial == dialled


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.iwf.org.uk/report", "iwf.org.uk"),
        ("https://report.iwf.org.uk/org/", "report.iwf.org.uk"),
        ("", ""),
    ],
)
def test_host_is_where_the_address_goes(url, host):
    assert service(url=url).host == host


@pytest.mark.parametrize(
    ("languages", "names"),
    [
        ("en", "English"),
        ("en, sw", "English and Swahili"),
        ("lb, fr, de", "Luxembourgish, French and German"),
        ("", ""),
    ],
)
def test_language_names_are_the_languages_english_names(languages, names):
    assert service(languages=languages).language_names == names


@pytest.mark.django_db
def test_a_service_needs_checking_when_never_or_not_recently_checked():
    today = timezone.localdate()
    never = ServiceFactory(last_checked=None)
    recent = ServiceFactory(last_checked=today - datetime.timedelta(days=CHECK_EVERY_DAYS))
    old = ServiceFactory(last_checked=today - datetime.timedelta(days=CHECK_EVERY_DAYS + 1))

    assert [never.needs_checking, recent.needs_checking, old.needs_checking] == [True, False, True]
    assert set(Service.objects.needing_check()) == {never, old}
