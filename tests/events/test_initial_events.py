"""The seeded events: the index in the menu and the Alliance's Global Summits as past, all-day events."""

import os

from django.core.management import call_command

from events.models import EventIndexPage, EventKind, EventPage


def test_the_global_summits_fill_the_archive_in_their_own_zones(initial_content, client):
    summits = {page.slug: page for page in EventPage.objects.live()}
    assert sorted(summits) == [f"global-summit-{year}" for year in (2014, 2015, 2019, 2022, 2024)]
    assert all(page.all_day and page.kind == EventKind.SUMMIT and page.is_past for page in summits.values())
    zones = {slug: page.time_zone for slug, page in summits.items()}
    assert zones == {
        "global-summit-2014": "Europe/London",
        "global-summit-2015": "Asia/Dubai",
        "global-summit-2019": "Africa/Addis_Ababa",
        "global-summit-2022": "Europe/Brussels",
        "global-summit-2024": "Asia/Dubai",
    }
    assert summits["global-summit-2022"].venue == "Egmont Palace"
    assert summits["global-summit-2024"].when == "4–5 December 2024"
    assert summits["global-summit-2014"].when == "10–11 December 2014"
    # Nothing made up: no links, agendas or speakers; the sources are for editors only.
    assert not any(
        page.registration_url or page.online_link or page.agenda or page.speakers for page in summits.values()
    )
    html = client.get("/events/global-summit-2022/").content.decode()
    assert "Egmont Palace, Brussels, Belgium and online" in html
    assert "Sources:" not in html


def test_the_index_is_in_the_menu_with_the_latest_summit_first(initial_content, client):
    html = client.get("/events/").content.decode()
    assert '<a href="/events/"' in html.split("</header>")[0]
    assert "Past events in 2024" in html
    assert "Global Summit 2024: Focus on the Future" in html
    assert "No upcoming events are listed yet." in html


def test_building_again_keeps_what_editors_changed(initial_content):
    summit = EventPage.objects.get(slug="global-summit-2019")
    summit.introduction = "Edited by the events team."
    summit.save_revision().publish()
    call_command("load_initial_content", stdout=open(os.devnull, "w"))
    assert EventIndexPage.objects.count() == 1
    assert EventPage.objects.count() == 5
    assert EventPage.objects.get(slug="global-summit-2019").introduction == "Edited by the events team."
