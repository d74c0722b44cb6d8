"""The one formula guard every CSV and XLSX export of the site uses (website/spreadsheets.py)."""

import pytest
from wagtail.log_actions import log

from tests.factories.membership import MembershipEnquiryFactory
from website.spreadsheets import guard_cell

SITE_HISTORY = "/admin/reports/site-history/"


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\r=1", "'\r'=1"),  # a carriage return ends a line, as a line break does
        ("  =1+1", "  '=1+1"),  # a reader that trims spaces would see =1+1
        ("Acme;=1+1", "Acme;'=1+1"),
        ("Acme, -2+3", "Acme, '-2+3"),
        ("Called\n=cmd", "Called\n'=cmd"),  # a line break starts a new row for a careless reader
        ("Save the Children - Kenya", "Save the Children - Kenya"),
        ("Smith-Jones, e-mail: a@b.example", "Smith-Jones, e-mail: a@b.example"),
        ("", ""),
    ],
)
def test_a_csv_cell_is_guarded_wherever_a_formula_could_start(typed, written):
    assert guard_cell(typed, "csv") == written


def test_an_xlsx_cell_and_a_value_that_is_not_text_are_left_as_they_are():
    assert guard_cell("=1+1", "xlsx") == "=1+1"  # written as a text cell instead
    assert guard_cell(-3, "csv") == -3


@pytest.mark.django_db
class TestWagtailsOwnReports:
    """Wagtail's site history lists what was changed by its name, and a name can be an applicant's
    words (an entry, a member added to the directory from one): its exports are guarded too."""

    NAME = "Acme;=HYPERLINK(1)"

    @pytest.fixture
    def changed(self, admin_user):
        entry = MembershipEnquiryFactory(organisation_name=self.NAME)
        log(instance=entry, action="wagtail.edit", user=admin_user)
        return entry

    def test_the_site_history_csv(self, admin_client, changed):
        exported = admin_client.get(SITE_HISTORY, {"export": "csv"}).getvalue().decode("utf-8-sig")

        assert "Acme;'=HYPERLINK(1)" in exported and "Acme;=HYPERLINK" not in exported
