"""The listings' pages (?page=), numbered so that the page cache keeps one copy of each.

Paginator.get_page answers any ?page= with a page: the last for a number past the end, the
first for one that is not a number. Stored under every such address, a page would be copied
once per number anyone sends (?page=<random>). So the listing notes which page it showed, and
the page cache stores the answer only at the address that asks for that page by its number.
"""

from django.core.paginator import Paginator


def listing_page(request, items, per_page):
    """The page of `items` that the request's ?page= asks for, as Paginator.get_page finds it."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    request.listing_page_number = page.number
    return page


def asks_for_the_page_shown(request):
    """No ?page=, or exactly the number of the page the listing showed: not ?page=99999 answered
    with the last page, ?page=01, or a ?page= on an address that shows no listing at all."""
    asked = request.GET.getlist("page")
    return not asked or asked == [str(getattr(request, "listing_page_number", ""))]
