"""Calendar files have names ending in .ics, which Wagtail's page addresses never match
(they end in a slash and hold no dot): hand them to Wagtail's own page view, which routes
them to the page's `event.ics` or the index's `upcoming.ics` route with its usual checks
(privacy, drafts, sites)."""

from django.urls import re_path

from website import views


def calendar_file(request, path):
    return views.page(request, path + "/")


urlpatterns = [re_path(r"^((?:[\w\-]+/)+(?:event|upcoming)\.ics)$", calendar_file, name="event_calendar_file")]
