"""The membership form in every language: an entry records the language its form was sent in
(the address's: /fr/membership/ is French), the team sees it in the register, and the
applicant's e-mails are written in it while the team's notice stays in English."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from membership.models import MembershipEnquiry, MembershipPage, OrganisationType
from membership.reopening import notify_registered_interest
from tests.factories.membership import MembershipEnquiryFactory, form_data, published_translation, team_member
from tests.membership.test_exports import csv_rows, xlsx_rows

REGISTER = "/admin/membership/membershipenquiry/"

pytestmark = pytest.mark.usefixtures("catalogues")


# The public form -----------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "heading"), [("fr", "Votre intérêt est enregistré"), ("ar", "تم تسجيل اهتمامك")])
def test_a_form_sent_from_a_translated_page_records_its_language_and_confirms_in_it(
    client, membership_page, language, heading
):
    published_translation(membership_page, language)

    response = client.post(f"/{language}/membership/", form_data())

    assert response.status_code == 302
    assert response["Location"].startswith(f"/{language}/membership/confirmation/?ref=")
    assert MembershipEnquiry.objects.get().language == language
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    html = confirmation.content.decode()
    assert f'<html lang="{language}"' in html and heading in html
    assert f'href="/{language}/membership/"' in html  # back to the page in the same language


def test_a_form_sent_from_the_english_page_is_english_whatever_the_browser_or_the_form_asks(client, membership_page):
    published_translation(membership_page, "ar")
    client.post("/membership/", form_data(language="ar"), HTTP_ACCEPT_LANGUAGE="ar")
    assert MembershipEnquiry.objects.get().language == "en"


def test_a_form_with_mistakes_comes_back_in_its_own_language(client, membership_page):
    published_translation(membership_page, "ar")
    response = client.post("/ar/membership/", form_data(email=""))
    assert response.status_code == 200
    assert "أدخل عنوان بريدك الإلكتروني" in response.content.decode()  # "Enter your e-mail address"
    assert not MembershipEnquiry.objects.exists()


def test_the_blank_form_kept_for_quick_serving_is_kept_in_each_language(client, membership_page):
    published_translation(membership_page, "ar")
    for _ in range(2):  # the second time both come from the stored pages (BlankFormMiddleware)
        english = client.get("/membership/").content.decode()
        arabic = client.get("/ar/membership/").content.decode()
        assert "Organisation name" in english and "اسم المنظمة" not in english
        assert "اسم المنظمة" in arabic and "Organisation name" not in arabic
        assert '<html lang="ar" dir="rtl">' in arabic


# The register --------------------------------------------------------------------------------


@pytest.fixture
def arabic_and_english(db):
    return (
        MembershipEnquiryFactory(organisation_name="Arabic Charity", language="ar"),
        MembershipEnquiryFactory(organisation_name="English Company"),
    )


def test_the_register_lists_each_entrys_language_and_filters_by_it(client, people, arabic_and_english):
    client.force_login(people["team"])
    listing = client.get(REGISTER).content.decode()
    assert '<td class="field-language title">Arabic</td>' in listing
    assert '<td class="field-language title">English</td>' in listing

    only_arabic = client.get(REGISTER, {"language": "ar"}).content.decode()
    assert "Arabic Charity" in only_arabic and "English Company" not in only_arabic


def test_an_entrys_page_says_the_language_it_was_sent_in(client, people, arabic_and_english):
    arabic, _ = arabic_and_english
    client.force_login(people["team"])
    html = " ".join(client.get(f"{REGISTER}inspect/{arabic.pk}/").content.decode().split())
    assert '<dt class="">Language</dt> <dd>Arabic</dd>' in html


def test_both_exports_name_each_entrys_language(client, people, arabic_and_english):
    client.force_login(people["team"])
    expected = {"Arabic Charity": "Arabic", "English Company": "English"}
    assert {row["Organisation"]: row["Language"] for row in csv_rows(client)} == expected
    assert {row["Organisation"].value: row["Language"].value for row in xlsx_rows(client)} == expected


# The e-mails, through a real mail server -----------------------------------------------------


@pytest.mark.usefixtures("team_address")
@pytest.mark.parametrize(
    ("language", "subject", "greeting", "country", "named"),
    [
        ("fr", "Votre manifestation d'intérêt WPGA-", "Bonjour,", "Royaume-Uni", "French"),
        ("ar", "تسجيل اهتمامك WPGA-", "تحية طيبة،", "المملكة المتحدة", "Arabic"),
    ],
)
def test_the_acknowledgement_is_in_the_forms_language_and_the_teams_notice_in_english(
    client, membership_page, mail_server, worker, language, subject, greeting, country, named
):
    published_translation(membership_page, language)
    client.post(f"/{language}/membership/", form_data(email="applicant@example.org"))

    worker()

    sent = {message["To"]: message for message in mail_server.messages}
    acknowledgement = sent["applicant@example.org"]
    assert acknowledgement["Subject"].startswith(subject)
    assert acknowledgement["Content-Language"] == language
    body = acknowledgement.get_content()
    assert body.startswith(greeting) and country in body
    notice = sent["membership@example.org"]
    assert notice["Subject"].startswith("New registration of interest: WPGA-")
    assert f"Language: {named} (the form was sent in it" in notice.get_content()


@pytest.mark.usefixtures("team_address")
def test_the_reopening_notice_speaks_each_entrys_language_and_links_to_its_page(membership_page, mail_server, worker):
    published_translation(membership_page, "ar")
    MembershipEnquiryFactory(email="arabic@example.org", language="ar")
    MembershipEnquiryFactory(email="spanish@example.org", language="es")  # the page has no Spanish translation
    membership_page.applications_paused = False
    membership_page.save_revision().publish()

    notify_registered_interest()
    worker()

    sent = {message["To"]: message for message in mail_server.messages}
    arabic, spanish = sent["arabic@example.org"], sent["spanish@example.org"]
    assert arabic["Subject"].startswith("أُعيد فتح باب طلبات العضوية (WPGA-")
    assert "http://localhost/ar/membership/" in arabic.get_content()
    assert spanish["Subject"].startswith("Se han reabierto las solicitudes de membresía (WPGA-")
    assert "http://localhost/membership/" in spanish.get_content(), spanish.get_content()


@pytest.mark.usefixtures("team_address")
def test_an_enquiry_taken_by_telephone_is_acknowledged_in_the_language_the_team_chose(
    client, django_user_model, membership_page, mail_server, worker
):
    client.force_login(team_member(django_user_model))
    data = form_data(
        email="caller@example.org",
        organisation_type=OrganisationType.TECHNOLOGY,
        read_commitments=None,
        send_acknowledgement="on",
        language="es",
    )
    assert client.post(f"{REGISTER}create/", data).status_code == 302

    worker()

    assert MembershipEnquiry.objects.get().language == "es"
    [acknowledgement] = mail_server.messages
    assert acknowledgement["Subject"].startswith("Su registro de interés WPGA-")


def test_lifting_the_pause_on_the_english_page_lifts_it_in_every_language(client, initial_content):
    english = MembershipPage.objects.get(locale__language_code="en")
    arabic = english.get_translation(Locale.objects.get(language_code="ar")).specific
    assert english.applications_paused and arabic.applications_paused

    english.applications_paused = False
    english.save_revision().publish()

    arabic.refresh_from_db()
    assert not arabic.applications_paused
    assert arabic.types_that_apply() == OrganisationType.values

    # Publishing the translation again (an editor fixing a word) cannot bring the old state back.
    arabic = arabic.get_latest_revision_as_object()
    arabic.applications_paused = True
    arabic.save_revision().publish()
    arabic.refresh_from_db()
    assert not arabic.applications_paused


def test_a_translations_editor_shows_where_the_state_is_set(initial_content, admin_client):
    arabic = MembershipPage.objects.get(locale__language_code="ar")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk])).content.decode()
    assert "is set on the English membership page" in html
    assert 'name="applications_paused"' not in html
    assert 'name="pause_message"' in html
    english = MembershipPage.objects.get(locale__language_code="en")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    assert 'name="applications_paused"' in html


@pytest.fixture
def contact_page(home_page, site):
    from tests.factories.home import StandardPageFactory
    from website.models import SiteSettings

    contact = StandardPageFactory(parent=home_page, title="Contact", slug="contact")
    site_settings = SiteSettings.for_site(site)
    site_settings.contact_page = contact
    site_settings.save()
    return contact


@pytest.mark.parametrize(
    ("language", "link"),
    [
        ("fr", "http://localhost/fr/contact/"),  # the contact page in French
        ("es", "http://localhost/contact/"),  # no Spanish contact page: the English one
    ],
)
def test_without_a_team_address_the_acknowledgement_links_to_the_contact_page_in_its_language(
    client, membership_page, contact_page, mail_server, worker, language, link
):
    published_translation(membership_page, language)
    if language == "fr":
        published_translation(contact_page, "fr")
    client.post(f"/{language}/membership/", form_data(email="applicant@example.org"))

    worker()

    [acknowledgement] = mail_server.messages  # the team's notice waits for the team's address
    body = " ".join(acknowledgement.get_content().split())
    reference = MembershipEnquiry.objects.get().reference
    assert f"{link}, " in body and reference in body.split(link)[1]


def test_without_a_contact_page_the_acknowledgement_links_to_the_membership_page(
    client, membership_page, mail_server, worker
):
    published_translation(membership_page, "ar")
    client.post("/ar/membership/", form_data(email="applicant@example.org"))

    worker()

    [acknowledgement] = mail_server.messages
    assert "http://localhost/ar/membership/" in acknowledgement.get_content()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "ne doit contenir ni adresse web ni adresse e-mail"),
        ("ar", "يجب ألا يحتوي"),
    ],
)
def test_a_name_with_a_web_address_is_refused_in_the_forms_language(client, membership_page, language, message):
    published_translation(membership_page, language)
    data = form_data(organisation_name="Visit http://evil.example/claim to get your prize")
    html = client.post(f"/{language}/membership/", data).content.decode()
    assert message in html
    assert not MembershipEnquiry.objects.exists()


def test_a_fullwidth_domain_is_refused_in_arabic(client, membership_page):
    published_translation(membership_page, "ar")
    html = client.post("/ar/membership/", form_data(email="rl@ex\uff41mple.org")).content.decode()
    assert "بحروف عادية" in html  # "in ordinary letters"
    assert not MembershipEnquiry.objects.exists()


def test_the_arabic_form_keeps_numbers_and_the_reference_left_to_right(client, membership_page):
    published_translation(membership_page, "ar")
    form = client.get("/ar/membership/").content.decode()
    assert '<span dir="ltr" class="nowrap">+44 20 7946 0000</span>' in form  # in the phone's hint

    confirmation = client.get(client.post("/ar/membership/", form_data())["Location"]).content.decode()
    reference = MembershipEnquiry.objects.get().reference
    assert f'<strong class="reference nowrap" dir="ltr">{reference}</strong>' in confirmation
