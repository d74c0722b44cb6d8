"""On the finder's pages in other languages, what editors wrote in English is marked as English."""

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db


class ServiceTexts(HTMLParser):
    """The elements of each service card that show an editor's text: its name (h4), organisation
    (p.meta), phone number and web address (a), each as its attributes."""

    def __init__(self):
        super().__init__()
        self.in_card = False
        self.elements = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "li":
            self.in_card = "service" in attributes.get("class", "").split()
        elif self.in_card and (tag in ("h4", "a") or attributes.get("class") == "meta"):
            self.elements.append((tag, attributes))


def service_texts(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = ServiceTexts()
    parser.feed(response.content.decode())
    assert len(parser.elements) > 10, url  # Kenya's services and the global ones
    return parser.elements


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_english_service_texts_are_marked_as_english_on_other_languages_pages(client, initial_content, language):
    for tag, attributes in service_texts(client, f"/{language}/how-to-report-abuse/kenya/"):
        assert (attributes.get("lang"), attributes.get("dir")) == ("en", "ltr"), (tag, attributes)


def test_the_english_page_does_not_mark_them_again(client, initial_content):
    for tag, attributes in service_texts(client, "/how-to-report-abuse/kenya/"):
        assert "lang" not in attributes, (tag, attributes)
        # A telephone number is left to right in every language; nothing else is marked.
        assert attributes.get("dir") == ("ltr" if attributes.get("href", "").startswith("tel:") else None), (
            tag,
            attributes,
        )
