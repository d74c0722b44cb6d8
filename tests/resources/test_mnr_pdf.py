"""The Model National Response as a PDF the site makes from its own pages, read back as a
reader's PDF viewer would."""

import io

import pytest
from pypdf import PdfReader

from resources.models import CapabilityAreaPage, CapabilityPage, MnrPdf

PARTS = ["Definition", "Why is it needed", "Good practice", "More guidance and support"]


def read(pdf=None):
    pdf = pdf or MnrPdf.objects.select_related("document").get()
    with pdf.document.file.open("rb") as file:
        return PdfReader(io.BytesIO(file.read()))


def page_texts(reader):
    return [page.extract_text() for page in reader.pages]


def outline_titles(entries):
    titles = []
    for entry in entries:
        titles.extend(outline_titles(entry) if isinstance(entry, list) else [entry.title])
    return titles


def link_annotations(page):
    return [
        annotation.get_object()
        for annotation in page.get("/Annots", [])
        if annotation.get_object()["/Subtype"] == "/Link"
    ]


def test_the_pdf_says_what_it_is_in_its_metadata(initial_content):
    reader = read()
    assert reader.metadata.title == "Model National Response"
    assert reader.metadata.author == "WePROTECT Global Alliance"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_a_cover_then_a_contents_page_whose_entries_link_to_their_pages(initial_content):
    reader = read()
    texts = page_texts(reader)
    assert texts[0].startswith("WePROTECT Global Alliance\nModel National Response")
    assert "http://testserver/model-national-response/" in texts[0]  # where the current version lives
    assert texts[1].startswith("Contents\n")
    headings = ["About the framework"]
    for area in CapabilityAreaPage.objects.order_by("path"):
        headings += [area.title] + [str(capability) for capability in CapabilityPage.objects.child_of(area)]
    for heading in headings:
        assert heading in texts[1]
    # Each entry, top to bottom, leads to the page where its heading is.
    lines = {}  # an entry's title and number are each a link to the same place
    for link in sorted(link_annotations(reader.pages[1]), key=lambda link: -float(link["/Rect"][3])):
        destination = reader.named_destinations[link["/Dest"]]
        lines.setdefault(round(float(link["/Rect"][3])), reader.get_destination_page_number(destination))
    targets = list(lines.values())
    assert targets == [first_page_with(texts, heading) for heading in headings]


def first_page_with(texts, heading):
    return next(number for number, text in enumerate(texts) if number > 1 and f"{heading}\n" in text)


def test_every_capability_in_order_with_its_four_parts_and_its_address(initial_content):
    reader = read()
    body = "\n".join(page_texts(reader)[2:])
    capabilities = list(CapabilityPage.objects.order_by("number"))
    positions = [body.index(f"{capability.number}. {capability.title}\n") for capability in capabilities]
    assert positions == sorted(positions) and len(positions) == 21
    for part in PARTS:
        assert body.count(f"{part}\n") == 21
    addresses = {
        link["/A"]["/URI"] for page in reader.pages for link in link_annotations(page) if "/URI" in link.get("/A", {})
    }
    assert {capability.get_full_url() for capability in capabilities} <= addresses
    assert outline_titles(reader.outline)[:2] == ["About the framework", "Policy and Governance"]
    assert len(outline_titles(reader.outline)) == 1 + 6 + 21


def test_every_page_but_the_cover_is_numbered(initial_content):
    texts = page_texts(read())
    total = len(texts)
    assert 10 <= total <= 40
    assert "page 1 of" not in texts[0]
    for number, text in enumerate(texts[1:], start=2):
        assert f"Model National Response - page {number} of {total}" in text


def test_the_framework_page_offers_the_pdf_with_its_format_and_size(client, initial_content):
    pdf = MnrPdf.objects.select_related("document").get()
    html = client.get("/model-national-response/").content.decode()
    size = f"{pdf.document.file_size / 1024:.1f}\xa0KB"
    assert (
        f'<a href="{pdf.document.url}" hreflang="en" download>Download the Model National Response as a PDF</a>'
        in html
    )
    assert f"(PDF, {size})" in html
    response = client.get(pdf.document.url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db(transaction=True)
def test_publishing_an_edited_capability_rebuilds_the_pdf_through_the_queue(client, initial_content, worker):
    worker()  # what load_initial_content's publishes queued: nothing to rebuild
    before = MnrPdf.objects.select_related("document").get()
    capability = CapabilityPage.objects.get(number=4)
    capability.good_practice = "<p>Officers in Côte d’Ivoire, Łódź and Αθήνα train “together” — with عربي notes.</p>"
    capability.save_revision().publish()

    assert MnrPdf.objects.get().fingerprint == before.fingerprint  # queued: no visitor or editor waits for it
    worker()

    after = MnrPdf.objects.select_related("document").get()
    assert after.document.pk == before.document.pk and after.document.url == before.document.url
    assert after.document.file_hash != before.document.file_hash
    text = "\n".join(page_texts(read(after)))
    assert "Officers in Côte d’Ivoire, Łódź and Αθήνα train “together” — with" in text  # as typed: a Unicode font
    assert "عربي" in text

    CapabilityAreaPage.objects.first().save_revision().publish()  # published again, unchanged
    worker()
    assert MnrPdf.objects.get().built_at == after.built_at
