"""The membership team's exports, read back as they would be: CSV with Python's csv reader (as
Excel would, from a UTF-8 file with a byte-order mark), XLSX with openpyxl."""

import codecs
import csv
import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from membership.models import Kind, OrganisationType, Status
from tests.factories.membership import MembershipEnquiryFactory, NoteFactory

LIST = "/admin/membership/membershipenquiry/"


def csv_rows(client, **params):
    response = client.get(LIST, {"export": "csv", **params})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert content.startswith(codecs.BOM_UTF8)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def xlsx_rows(client, **params):
    response = client.get(LIST, {"export": "xlsx", **params})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings, *rows = sheet.iter_rows()
    return [{heading.value: cell for heading, cell in zip(headings, row, strict=True)} for row in rows]


@pytest.fixture
def team(client, people):
    client.force_login(people["team"])
    return people["team"]


@pytest.fixture
def full_entry(db):
    return MembershipEnquiryFactory(
        organisation_name="منظمة حماية الطفل",
        organisation_type=OrganisationType.TECHNOLOGY,
        kind=Kind.APPLICATION,
        status=Status.INVITED,
        country="AE",
        phone="+971501234567",
        senior_lead_name="Alex Morgan",
        senior_lead_role="Minister for Digital Affairs",
        read_commitments=True,
        privacy_consent=True,
        received_at=datetime(2025, 3, 4, 9, 5, 6, 789000, tzinfo=UTC),
    )


def test_csv_shows_labels_readable_numbers_and_times_and_leaves_empty_cells_empty(client, team, full_entry):
    [row] = csv_rows(client)
    assert row["Reference"] == full_entry.reference
    assert row["Organisation"] == "منظمة حماية الطفل"  # Arabic survives: UTF-8 with a byte-order mark
    assert row["Organisation type"] == "Technology company"
    assert row["Kind"] == "Application"
    assert row["Status"] == "Invited to apply"
    assert row["Country"] == "United Arab Emirates"
    assert row["Senior lead's role"] == "Minister for Digital Affairs"
    assert row["Has read the member commitments"] == "Yes"
    assert row["Phone"] == "'+971 50 123 4567"  # international format, guarded as every phone is
    assert row["Received (UTC)"] == "2025-03-04T09:05:06+00:00"
    for empty in ["Website", "Working-level contact", "Message", "Region or countries covered", "Added by", "Notes"]:
        assert row[empty] == "", empty


def test_xlsx_shows_the_same_labels_and_real_times_without_apostrophes(client, team, full_entry):
    [row] = xlsx_rows(client)
    assert row["Organisation type"].value == "Technology company"
    assert row["Senior lead's role"].value == "Minister for Digital Affairs"
    assert row["Has read the member commitments"].value == "Yes"
    assert row["Phone"].value == "+971 50 123 4567"
    assert row["Received (UTC)"].value == datetime(2025, 3, 4, 9, 5, 6)  # a date cell Excel can sort
    assert row["Website"].value is None


HOSTILE = ['=HYPERLINK("http://evil.example","x")', "-1+2", "@SUM(1)", "\t=1", "<b>bold</b>", "Acme;=1+1", "x;-2+3"]


def test_csv_guards_every_place_a_spreadsheet_could_start_a_formula(client, team):
    for name in HOSTILE:
        MembershipEnquiryFactory(organisation_name=name)
    names = {row["Organisation"] for row in csv_rows(client)}
    assert names == {
        '\'=HYPERLINK("http://evil.example","x")',
        "'-1+2",
        "'@SUM(1)",
        "'\t'=1",  # a tab starts a cell for a reader that splits on tabs
        "<b>bold</b>",
        # A spreadsheet that splits on ";" makes "=1+1" a cell of its own: it starts with "'" too.
        "Acme;'=1+1",
        "x;'-2+3",
    }


def test_csv_writes_every_telephone_number_the_same_way(client, team):
    for phone in ["+442079460000", "+12025550123", "+33142685300"]:
        MembershipEnquiryFactory(phone=phone)
    phones = sorted(row["Phone"] for row in csv_rows(client))
    # Some were guarded ("+1 202-555-0123", which has a minus) and some not; now all are, alike.
    assert phones == ["'+1 202-555-0123", "'+33 1 42 68 53 00", "'+44 20 7946 0000"]
    assert sorted(row["Phone"].value for row in xlsx_rows(client)) == [
        "+1 202-555-0123",
        "+33 1 42 68 53 00",
        "+44 20 7946 0000",
    ]


def test_xlsx_writes_formulas_as_text_cells_without_an_apostrophe(client, team):
    for name in HOSTILE:
        MembershipEnquiryFactory(organisation_name=name)
    cells = [row["Organisation"] for row in xlsx_rows(client)]
    assert {cell.value for cell in cells} == set(HOSTILE)
    assert {cell.data_type for cell in cells} == {"s"}  # text: Excel runs no formula


def test_exports_hold_the_notes_in_order_who_added_the_entry_and_its_possible_duplicates(
    client, team, people, django_user_model
):
    first = MembershipEnquiryFactory(organisation_name="Safe Net", email="info@safenet.example")
    second = MembershipEnquiryFactory(
        organisation_name="Safe Net", email="info@safenet.example", added_by=people["superuser"]
    )
    maria = django_user_model.objects.create_user("maria", first_name="Maria", last_name="Lopez")
    NoteFactory(enquiry=second, author=maria, text="Called", written_at=datetime(2025, 1, 2, 10, 0, tzinfo=UTC))
    NoteFactory(enquiry=second, author=None, text="=cmd", written_at=datetime(2025, 1, 3, 11, 30, tzinfo=UTC))
    for rows, value in [(csv_rows(client), lambda cell: cell), (xlsx_rows(client), lambda cell: cell.value or "")]:
        by_reference = {value(row["Reference"]): row for row in rows}
        newer = by_reference[second.reference]
        assert (
            value(newer["Notes"]) == "2025-01-02 10:00 UTC, Maria Lopez: Called\n2025-01-03 11:30 UTC, someone: =cmd"
        )
        assert value(newer["Added by"]) == "boss"
        assert value(newer["Possible duplicates"]) == first.reference
        assert value(by_reference[first.reference]["Possible duplicates"]) == second.reference


def test_an_export_takes_the_same_few_queries_however_many_entries(client, team, django_assert_max_num_queries):
    for number in range(30):
        entry = MembershipEnquiryFactory(email=f"same{number % 10}@example.org", organisation_name="Same")
        NoteFactory(enquiry=entry)
    for export_format in ["csv", "xlsx"]:
        with django_assert_max_num_queries(12):
            response = client.get(LIST, {"export": export_format})
            b"".join(response.streaming_content)
