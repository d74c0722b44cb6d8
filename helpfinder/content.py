"""The How to report abuse page with its finder, and the services the project's list names.

Earlier versions of the site had How to report abuse as a general page at /report-abuse/.
Where one is still there, the finder takes over its text, replaces it and redirects its
address, so an editor's words and anyone's old link both carry over.
"""

from wagtail.contrib.redirects.models import Redirect

from helpfinder.loader import load_services
from helpfinder.models import HelpFinderPage
from home.models import StandardPage
from website.content import ensure_child, paragraphs, stream

SLUG = "how-to-report-abuse"
EARLIER_SLUG = "report-abuse"


def build(home):
    load_services()
    earlier = StandardPage.objects.child_of(home).filter(slug=EARLIER_SLUG).first()
    fields = finder_fields()
    if earlier and not HelpFinderPage.objects.exists():
        fields.update(introduction=earlier.introduction, body=earlier.body.raw_data)
    finder = ensure_child(home, HelpFinderPage, SLUG, **fields)
    if earlier:
        replace(earlier, finder)
    return finder


def replace(earlier, finder):
    """The earlier page goes; its address leads to the finder, and the finder takes its place in the menu."""
    old_path = Redirect.normalise_path(earlier.url)
    finder.move(earlier, pos="left")
    earlier.delete()
    Redirect.objects.get_or_create(
        old_path=old_path, site=None, defaults={"redirect_page": finder, "is_permanent": True}
    )


def finder_fields():
    return dict(
        title="How to report abuse",
        show_in_menus=True,
        introduction=(
            "If you have seen sexual images or videos of a child online, or a child is in danger, find out "
            "where to report it and where to get help in your country."
        ),
        body=stream(
            (
                "content_warning",
                {
                    "message": (
                        "This page talks about child sexual abuse. If you need to leave quickly, use the "
                        "'Exit this page' button at the top of every page."
                    )
                },
            ),
            ("heading", {"text": "Before you report", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "<b>Never send, forward, copy or save the images or videos themselves</b>, not even to the "
                    "police or a hotline. Doing so spreads the abuse further and can be a crime. Report the web "
                    "address where you saw the material instead.",
                ),
            ),
            ("heading", {"text": "About the 'Exit this page' button", "level": "h2"}),
            (
                "accordion",
                {
                    "heading": "",
                    "items": [
                        {
                            "question": "What the button does",
                            "answer": paragraphs(
                                "Selecting 'Exit this page', or pressing the Shift key three times, takes you "
                                "straight to a neutral website and replaces this page in your browser's history, "
                                "so pressing Back does not bring you back here."
                            ),
                        },
                        {
                            "question": "What the button does not do",
                            "answer": paragraphs(
                                "It does not clear your browsing history. Other pages of this site you visited "
                                "before may still be listed there. To remove them, delete them from your browser's "
                                "history, or use a private or incognito window, which keeps no history once it "
                                "is closed."
                            ),
                        },
                    ],
                },
            ),
            ("heading", {"text": "What this site does not keep", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "The country you choose is only part of the page's address. This site does not store it, "
                    "record it or put it in a cookie, and tells no one else."
                ),
            ),
            ("heading", {"text": "Reporting to the Alliance", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "The Alliance cannot take reports of abuse or investigate cases. Please use the services "
                    "the finder lists, which work with law enforcement and can act quickly."
                ),
            ),
        ),
    )
