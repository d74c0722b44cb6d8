"""The membership form as a prospective member uses it."""

import re

import pytest
from django.core import mail

from membership.forms import EnquiryDetailsForm
from membership.models import Kind, MembershipEnquiry, OrganisationType, Status
from tests.factories.membership import form_data, started_long_ago

OPEN_WHILE_PAUSED = {OrganisationType.GOVERNMENT, OrganisationType.INTERNATIONAL, OrganisationType.REGIONAL}


@pytest.mark.parametrize("organisation_type", OrganisationType.values)
@pytest.mark.parametrize("paused", [True, False])
def test_the_kind_of_each_type_paused_and_not(membership_page, organisation_type, paused):
    membership_page.applications_paused = paused
    expected = Kind.APPLICATION if (not paused or organisation_type in OPEN_WHILE_PAUSED) else Kind.INTEREST
    assert membership_page.kind_for(organisation_type) == expected


def test_editors_choose_who_may_still_apply(membership_page):
    membership_page.types_open_while_paused = [OrganisationType.FINANCIAL]
    assert membership_page.kind_for(OrganisationType.FINANCIAL) == Kind.APPLICATION
    assert membership_page.kind_for(OrganisationType.GOVERNMENT) == Kind.INTEREST


def test_the_page_says_applications_are_paused_and_who_can_apply(client, membership_page):
    html = client.get("/membership/").content.decode()
    assert "Applications are paused" in html
    assert "Applications are paused while we review the process." in html
    assert "Government of a UN member state, International organisation and Regional organisation" in html
    assert "register its interest" in html


def test_a_technology_company_registers_interest_while_paused(client, membership_page):
    response = client.post("/membership/", form_data(), follow=True)
    enquiry = MembershipEnquiry.objects.get()
    assert enquiry.kind == Kind.INTEREST and enquiry.status == Status.NEW
    html = response.content.decode()
    assert response.redirect_chain[0][1] == 302
    assert enquiry.reference in html and "registration of interest" in html


def test_a_government_applies_while_paused(client, membership_page):
    response = client.post("/membership/", form_data(organisation_type=OrganisationType.GOVERNMENT), follow=True)
    enquiry = MembershipEnquiry.objects.get()
    assert enquiry.kind == Kind.APPLICATION
    assert "Membership request received" in response.content.decode()


def test_everyone_applies_when_not_paused(client, membership_page):
    membership_page.applications_paused = False
    membership_page.save_revision().publish()
    client.post("/membership/", form_data())
    assert MembershipEnquiry.objects.get().kind == Kind.APPLICATION


REQUIRED = {
    "organisation_name": "Enter the name of your organisation",
    "organisation_type": "Choose the type of your organisation",
    "country": "Choose your organisation",
    "contact_name": "Enter your full name",
    "job_title": "Enter your job title",
    "email": "Enter your e-mail address",
    "privacy_consent": "Agree to the privacy notice",
}


@pytest.mark.parametrize("field", REQUIRED)
def test_each_required_field_missing_is_named_next_to_it_and_input_is_kept(client, membership_page, field):
    response = client.post("/membership/", form_data(**{field: None}))
    html = response.content.decode()
    assert response.status_code == 200
    assert REQUIRED[field] in html
    # The summary links to the field; for the radio buttons, to the first of them.
    link = "#id_organisation_type_0" if field == "organisation_type" else f"#id_{field}"
    assert f'href="{link}"' in html
    assert f'id="id_{field}_error"' in html  # the message sits next to it
    if field != "organisation_name":
        assert 'value="Example Technologies"' in html
    assert not MembershipEnquiry.objects.exists()


@pytest.mark.parametrize(
    "field",
    ["senior_lead_name", "senior_lead_role", "working_contact_name", "working_contact_email", "read_commitments"],
)
def test_an_application_needs_its_leads_and_the_commitments(client, membership_page, field):
    data = form_data(organisation_type=OrganisationType.GOVERNMENT, **{field: None})
    response = client.post("/membership/", data)
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not MembershipEnquiry.objects.exists()


def test_a_registration_of_interest_does_not_need_application_details(client, membership_page):
    data = form_data(
        senior_lead_name=None,
        senior_lead_role=None,
        working_contact_name=None,
        working_contact_email=None,
        read_commitments=None,
    )
    client.post("/membership/", data)
    assert MembershipEnquiry.objects.get().kind == Kind.INTEREST


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "not-an-address"}, "Enter an e-mail address in the right format"),
        ({"organisation_name": "x" * 201}, "must be 200 characters or fewer"),
        ({"message": "x" * 3001}, "must be 3000 characters or fewer"),
        ({"country": "XX"}, "Choose a country from the list"),
        ({"organisation_type": "spaceship"}, "Choose a type from the list"),
        ({"website": "javascript:alert(1)"}, "Enter a web address in the right format"),
    ],
)
def test_bad_values_get_a_clear_message(client, membership_page, changes, message):
    html = client.post("/membership/", form_data(**changes)).content.decode()
    assert message in html
    assert not MembershipEnquiry.objects.exists()


def test_a_filled_honeypot_saves_nothing(client, membership_page):
    html = client.post("/membership/", form_data(fax_number="+1 555 0100")).content.decode()
    assert "could not accept the form" in html
    assert not MembershipEnquiry.objects.exists()


def test_a_form_sent_back_too_fast_saves_nothing_and_keeps_the_input(client, membership_page):
    html = client.post("/membership/", form_data(started=started_long_ago(seconds=0))).content.decode()
    assert "sent too quickly" in html and 'value="Example Technologies"' in html
    assert not MembershipEnquiry.objects.exists()


def test_a_forged_start_time_saves_nothing(client, membership_page):
    client.post("/membership/", form_data(started="12345"))
    assert not MembershipEnquiry.objects.exists()


def test_the_form_page_is_never_cached(client, membership_page):
    response = client.get("/membership/")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_no_html_is_interpreted_in_the_page_or_emails(client, membership_page, team_address, worker):
    hostile = '<script>alert("x")</script>'
    redisplayed = client.post("/membership/", form_data(organisation_name=hostile, email="wrong")).content.decode()
    assert hostile not in redisplayed and "&lt;script&gt;" in redisplayed
    client.post("/membership/", form_data(organisation_name=hostile, contact_name=hostile))
    worker()
    for message in mail.outbox:
        assert message.content_subtype == "plain"
    [notice] = [message for message in mail.outbox if message.to == [team_address]]
    assert hostile in notice.body  # plain text, shown as typed, never rendered as HTML


def test_the_initial_content_has_the_paused_membership_page(client, initial_content):
    html = client.get("/membership/").content.decode()
    assert "Applications are paused" in html
    assert "no financial or legal" in html
    for kind in [
        "United Nations member state",
        "international organisation",
        "regional organisation",
        "technology company",
        "civil-society organisation",
        "financial institution",
    ]:
        assert kind.lower() in html.lower()
    assert "Global Strategic Response" in html  # a sub-item of the commitments


def test_the_membership_page_stays_within_the_query_budget(client, initial_content, django_assert_max_num_queries):
    client.get("/membership/")
    with django_assert_max_num_queries(10):
        client.get("/membership/")


def summary_and_heading_positions(html):
    return html.index('class="error-summary"'), html.index("<h1")


def test_after_a_failed_send_the_error_summary_comes_first_in_the_main_content(client, membership_page):
    html = client.post("/membership/", form_data(email="not-an-address")).content.decode()
    summary, heading = summary_and_heading_positions(html)
    assert html.index('<main id="main"') < summary < heading  # above the long introduction
    assert "<title>Error: " in html
    assert "autofocus" in html[summary - 200 : summary + 200] and "js/error-summary.js" in html


def test_a_form_wide_message_shows_in_the_error_summary(client, membership_page):
    html = client.post("/membership/", form_data(started=started_long_ago(seconds=0))).content.decode()
    summary, heading = summary_and_heading_positions(html)
    assert "sent too quickly" in html[summary:heading]


def test_the_blank_form_has_no_error_summary(client, membership_page):
    html = client.get("/membership/").content.decode()
    assert "error-summary" not in html and "<title>Error" not in html


def radio(html, value):
    return re.search(rf'<input type="radio" name="organisation_type" value="{value}"[^>]*>', html).group(0)


def test_each_type_says_whether_it_applies_now_and_what_it_reveals(client, membership_page):
    html = client.get("/membership/").content.decode()
    assert 'data-kind="application" data-aria-controls="application-details"' in radio(html, "government")
    assert 'data-kind="application" data-aria-controls="region-details application-details"' in radio(html, "regional")
    technology = radio(html, "technology")
    assert 'data-kind="interest"' in technology and "aria-controls" not in technology
    assert 'id="application-details"' in html and 'id="region-details"' in html


def test_without_javascript_the_application_questions_say_who_needs_them(client, membership_page):
    html = client.get("/membership/").content.decode()
    assert "Only for organisations that can apply now: Government of a UN member state" in html
    assert "Only for international and regional organisations" in html


def test_when_everyone_may_apply_the_application_questions_are_always_shown(client, membership_page):
    membership_page.applications_paused = False
    membership_page.save_revision().publish()
    html = client.get("/membership/").content.decode()
    assert 'id="application-details"' in html
    assert "application-details" not in radio(html, "government")  # nothing to reveal: it is never hidden


def test_when_no_type_may_apply_the_application_questions_are_left_out(client, membership_page):
    membership_page.types_open_while_paused = []
    membership_page.save_revision().publish()
    html = client.get("/membership/").content.decode()
    assert "Senior lead" not in html and 'data-kind="application"' not in html


def regional_data(**changes):
    return form_data(**{"organisation_type": OrganisationType.REGIONAL, "country": "", **changes})


def test_a_regional_organisation_gives_the_region_it_covers_instead_of_a_country(client, membership_page):
    client.post("/membership/", regional_data(regions_covered="Southern Africa"))
    enquiry = MembershipEnquiry.objects.get()
    assert enquiry.kind == Kind.APPLICATION and enquiry.regions_covered == "Southern Africa"
    assert not enquiry.country


def test_an_international_organisation_may_name_its_headquarters_country(client, membership_page):
    data = regional_data(organisation_type=OrganisationType.INTERNATIONAL, country="CH", regions_covered="Worldwide")
    client.post("/membership/", data)
    assert MembershipEnquiry.objects.get().country.code == "CH"


def test_a_regional_organisation_must_say_which_region_it_covers(client, membership_page):
    html = client.post("/membership/", regional_data()).content.decode()
    assert "Enter the region or countries your organisation covers" in html
    assert 'href="#id_regions_covered"' in html and 'id="id_regions_covered_error"' in html
    assert "Headquarters country (optional)" in html
    assert "Choose your organisation" not in html  # no country needed
    assert not MembershipEnquiry.objects.exists()


def test_other_organisations_still_need_a_country_and_keep_no_region(client, membership_page):
    html = client.post("/membership/", form_data(country="", regions_covered="Europe")).content.decode()
    assert "Choose your organisation&#x27;s country" in html
    client.post("/membership/", form_data(regions_covered="Europe"))
    assert MembershipEnquiry.objects.get().regions_covered == ""  # typed, then hidden by another choice


def test_the_region_is_one_line_of_at_most_300_characters(client, membership_page):
    html = client.post("/membership/", regional_data(regions_covered="x" * 301)).content.decode()
    assert "must be 300 characters or fewer" in html
    html = client.post("/membership/", regional_data(regions_covered="Europe\nand Asia")).content.decode()
    assert "must be on one line" in html


def test_the_teams_form_checks_the_region_too(membership_page):
    data = regional_data(regions_covered="")
    form = EnquiryDetailsForm(data, page=membership_page)
    assert form.errors["regions_covered"] == ["Enter the region or countries your organisation covers"]
    assert "country" not in form.errors


# What a name may say, and which e-mail addresses are what they look like ----------------------


@pytest.mark.parametrize(
    "name",
    [
        "Visit http://evil.example/claim to get your prize",
        "See www.evil.example",
        "Claim at evil.example/claim",
        "Write to prize@evil.example",
        "Visit \uff48\uff54\uff54\uff50://evil.example",  # "http" in fullwidth letters, still a link
    ],
)
@pytest.mark.parametrize("field", ["organisation_name", "contact_name", "job_title", "senior_lead_name"])
def test_a_name_with_a_web_or_email_address_is_refused_beside_its_field(client, membership_page, field, name):
    html = client.post("/membership/", form_data(organisation_type=OrganisationType.GOVERNMENT, **{field: name}))
    html = html.content.decode()
    assert re.search(rf'id="id_{field}_error">.*must not contain a web address or an e-mail address', html)
    assert not MembershipEnquiry.objects.exists()


def test_a_name_that_is_only_written_like_a_domain_is_kept(client, membership_page):
    assert client.post("/membership/", form_data(organisation_name="Booking.com")).status_code == 302


@pytest.mark.parametrize(
    "address",
    [
        "rl@ex\uff41mple.org",  # a fullwidth a: the mail goes to example.org
        "rl@exam\u200dple.org",  # an invisible joiner: the same
        "rl@ex\u0430mple.org",  # a Cyrillic a among Latin letters
        "rl@EX\uff21MPLE.ORG",  # fullwidth, in capitals
    ],
)
@pytest.mark.parametrize("field", ["email", "working_contact_email"])
def test_an_email_domain_that_is_not_what_it_looks_like_is_refused(client, membership_page, field, address):
    data = form_data(organisation_type=OrganisationType.GOVERNMENT, **{field: address})
    html = client.post("/membership/", data).content.decode()
    assert re.search(rf'id="id_{field}_error">.*must be typed in ordinary letters', html)
    assert not MembershipEnquiry.objects.exists()


@pytest.mark.parametrize(
    "address", ["sam@b\u00fccher.de", "sam@\u043f\u0440\u0438\u043c\u0435\u0440.com", "sam@Example.ORG"]
)
def test_an_international_domain_in_one_alphabet_is_kept(client, membership_page, address):
    assert client.post("/membership/", form_data(email=address)).status_code == 302


# The country's hint, and a summary that names each field ---------------------------------------


def country_hint(html):
    return re.search(r'id="id_country_helptext">([^<]*)<', html)


def test_the_country_hint_is_true_whatever_the_type(client, membership_page):
    blank = client.get("/membership/").content.decode()
    assert country_hint(blank)[1].startswith("Where your organisation is based. For international")

    technology = client.post("/membership/", form_data(organisation_type=OrganisationType.TECHNOLOGY, email=""))
    html = technology.content.decode()
    assert country_hint(html)[1] == "Where your organisation is based."
    assert "International and regional organisations" not in html
    assert "(optional)" not in html.split('for="id_country"')[1].split("</label>")[0]

    regional = client.post("/membership/", form_data(organisation_type=OrganisationType.REGIONAL, email=""))
    assert 'for="id_country">Headquarters country (optional)</label>' in regional.content.decode()


def summary_lines(html):
    summary = html[html.index('class="error-summary"') : html.index("</ul>", html.index('class="error-summary"'))]
    return [re.sub(r"<[^>]+>", "", line).strip() for line in re.findall(r"<li>(.*?)</li>", summary)]


def test_each_line_of_the_error_summary_names_its_field(client, membership_page):
    data = form_data(
        organisation_type=OrganisationType.GOVERNMENT,
        email="sam-at-example.org",
        working_contact_email="jo-at-example.org",
        phone="12",
        contact_name="",
        read_commitments=None,
    )
    lines = summary_lines(client.post("/membership/", data).content.decode())
    assert lines == [
        "Your full name: Enter your full name",
        "Your e-mail address: Enter an e-mail address in the right format, like name@example.org",
        "Your telephone number: Enter a telephone number in the right format, like +44 20 7946 0000",
        "Working-level contact&#x27;s e-mail address: Enter an e-mail address in the right format, like name@example.org",
        "Confirm that you have read the member commitments",
    ]
