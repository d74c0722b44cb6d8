"""The membership team works through the register's list in a real browser: changes several
statuses at once, finds possible duplicates, downloads both exports, on a laptop and a phone."""

import csv
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from membership.models import EntryChange, Kind, MembershipEnquiry, OrganisationType, Status
from tests.browser.conftest import assert_accessible
from tests.factories.membership import MembershipEnquiryFactory, team_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIST = "/admin/membership/membershipenquiry/"

# Every word in the table's cells whose letters the browser laid out on more than one line.
WORDS_BROKEN_INSIDE = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector("table.listing"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (const match of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      if (range.getClientRects().length > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


def sign_in(page, live_server):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("maria")
    page.get_by_label("Password").fill("a-long-team-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def download(page, link_name):
    with page.expect_download() as download:
        page.get_by_role("link", name=link_name).click()
    return download.value.path()


@pytest.fixture
def register(django_user_model):
    now = timezone.now()
    team_member(django_user_model, "maria")
    return {
        "first": MembershipEnquiryFactory(
            organisation_name="Safe Net", email="info@safenet.example", received_at=now - timedelta(days=3)
        ),
        "again": MembershipEnquiryFactory(
            organisation_name="Safe Net", email="info@safenet.example", received_at=now - timedelta(days=1)
        ),
        "ministry": MembershipEnquiryFactory(
            organisation_name="Ministry of the Interior",
            organisation_type=OrganisationType.GOVERNMENT,
            kind=Kind.APPLICATION,
            country="FR",
            phone="+33142751000",
            received_at=now - timedelta(days=2),
        ),
    }


def test_the_team_changes_statuses_finds_duplicates_and_downloads_both_exports(live_server, page, register):
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, live_server)
    page.goto(live_server.url + LIST)

    # Readable on a laptop: no word split over two lines, each reference on one line.
    assert page.evaluate(WORDS_BROKEN_INSIDE) == []
    reference = page.get_by_role("link", name=register["ministry"].reference)
    line_height = float(reference.evaluate("link => parseFloat(getComputedStyle(link).lineHeight)"))
    assert reference.bounding_box()["height"] < 1.5 * line_height
    assert_accessible(page)

    # Possible duplicates side by side, each pointing at the other.
    rows = page.locator("table.listing tbody tr")
    assert [row.get_attribute("data-object-pk") for row in rows.all()] == [
        str(register[name].pk) for name in ["again", "first", "ministry"]
    ]
    assert "Possible duplicate of " + register["first"].reference in rows.first.inner_text()

    # Two entries to "Contacted" at once.
    page.get_by_label(f"Select {register['again'].reference}").check()
    page.get_by_label(f"Select {register['ministry'].reference}").check()
    page.get_by_label("Change the status of the selected entries to").select_option(label="Contacted")
    page.get_by_role("button", name="Change status").click()
    page.get_by_text("2 entries now have the status “Contacted”.").wait_for()
    statuses = dict(MembershipEnquiry.objects.values_list("pk", "status"))
    assert statuses == {
        register["first"].pk: Status.NEW,
        register["again"].pk: Status.CONTACTED,
        register["ministry"].pk: Status.CONTACTED,
    }
    assert EntryChange.objects.filter(field="status", new_value="Contacted", changed_by__username="maria").count() == 2

    # Only the possible duplicates, then both exports of what the list shows.
    page.get_by_text("Filter the list").click()
    page.get_by_role("link", name="Has possible duplicates").click()
    page.get_by_text("Showing only entries with possible duplicates").wait_for()
    page.get_by_role("button", name="More actions").click()
    with open(download(page, "Download CSV"), encoding="utf-8-sig", newline="") as exported:
        rows = list(csv.DictReader(exported))
    assert {(row["Reference"], row["Status"]) for row in rows} == {
        (register["first"].reference, "New"),
        (register["again"].reference, "Contacted"),
    }
    with open(download(page, "Download XLSX"), "rb") as exported:
        sheet = load_workbook(exported).active
    assert [cell.value for cell in sheet[1]][:4] == ["Reference", "Received (UTC)", "Kind", "Status"]
    assert {row[3] for row in sheet.iter_rows(min_row=2, values_only=True)} == {"New", "Contacted"}


def test_on_a_phone_the_download_button_and_the_list_are_near_the_top(live_server, page, register):
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, live_server)
    page.goto(live_server.url + LIST)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # nothing runs off the side
    button = page.get_by_role("link", name="Download XLSX").bounding_box()
    assert button["x"] >= 0 and button["x"] + button["width"] <= 375 and button["y"] < 400
    assert page.locator("table.listing").bounding_box()["y"] < 800  # on the first screen
    assert_accessible(page)

    page.get_by_label(f"Select {register['again'].reference}").check()
    page.get_by_role("button", name="Change status").click()
    page.get_by_role("link", name="Choose the status to give the selected entries").wait_for()  # the summary
    field = page.locator(".w-field", has=page.get_by_label("Change the status of the selected entries to"))
    assert "Choose the status to give the selected entries" in field.inner_text()
    assert page.get_by_label(f"Select {register['again'].reference}").is_checked()
    assert_accessible(page)


def test_a_name_without_spaces_wraps_in_the_list_and_on_its_entry_at_1280_px(live_server, page, register):
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, live_server)
    page.goto(live_server.url + LIST)
    list_width = page.locator("table.listing").bounding_box()["width"]

    long_name = "Safety" * 33 + "Ne"  # 200 characters, no space
    entry = MembershipEnquiryFactory(organisation_name=long_name, email="long@example.org")
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280  # the page does not scroll sideways
    # The name made the list no wider (a new row's other cells may add a pixel; unwrapped, it adds 1,300).
    assert page.locator("table.listing").bounding_box()["width"] <= list_width + 8
    name, entries = page.get_by_role("cell", name=long_name).bounding_box(), page.locator("#register-entries")
    visible = entries.bounding_box()
    assert name["x"] + name["width"] <= visible["x"] + visible["width"]  # all of it in view, no scrolling
    assert page.evaluate(WORDS_BROKEN_INSIDE) == [long_name]  # it wraps; no other word does

    page.goto(f"{live_server.url}{LIST}inspect/{entry.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    detail = page.get_by_role("definition").filter(has_text=long_name).bounding_box()
    assert detail["x"] + detail["width"] <= 1280  # all of the name in view
