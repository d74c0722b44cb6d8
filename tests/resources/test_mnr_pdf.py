"""The Model National Response as a PDF the site makes from its own pages, read back as a
reader's PDF viewer would."""

import io
import threading
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pikepdf
import pytest
from pypdf import PdfReader

from resources import mnr_pdf
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
    assert "Contents" in texts[1].splitlines()
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


def open_with_pikepdf(pdf=None):
    pdf = pdf or MnrPdf.objects.select_related("document").get()
    with pdf.document.file.open("rb") as file:
        return pikepdf.open(io.BytesIO(file.read()))


def marked_texts(page):
    """The text of each marked-content sequence of a page, by its MCID ("artifact" for
    decoration, None for text in no marked content at all), as a screen reader gets it."""
    texts = defaultdict(str)
    stack = [None]

    def before(operator, operands, matrix, text_matrix):
        if operator == b"BDC":
            stack.append("artifact" if operands[0] == "/Artifact" else operands[1].get("/MCID"))
        elif operator == b"BMC":
            stack.append("artifact" if operands[0] == "/Artifact" else stack[-1])
        elif operator == b"EMC":
            stack.pop()

    def text(piece, *args):
        texts[stack[-1]] += piece

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts


def structure(document, texts):
    """The structure tree in reading order: (type, text, element) for every element, its
    text gathered from its marked content; `texts` are marked_texts of each page."""
    pages = {page.objgen: number for number, page in enumerate(document.pages)}
    elements = []

    def content(element):
        kids = element.get("/K", [])
        text = ""
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):  # marked content on the element's page
                text += " " + texts[pages[element.Pg.objgen]][int(kid)]
            elif "/S" in kid:
                position = len(elements)
                elements.append(None)
                kid_text = content(kid)
                elements[position] = (str(kid.S), " ".join(kid_text.split()), kid)
                text += " " + kid_text
        return text

    content(document.Root.StructTreeRoot)
    return elements


def test_a_screen_reader_finds_the_headings_paragraphs_lists_and_links(initial_content):
    reader, document = read(), open_with_pikepdf()
    assert document.Root.MarkInfo.Marked is True
    elements = structure(document, [marked_texts(page) for page in reader.pages])
    headings = [(kind, text) for kind, text, _ in elements if kind in {"/H1", "/H2", "/H3", "/H4"}]
    areas = list(CapabilityAreaPage.objects.order_by("path"))
    leadership = CapabilityPage.objects.get(number=1)
    assert headings[:6] == [
        ("/H1", "Model National Response"),
        ("/H2", "Contents"),
        ("/H2", "About the framework"),
        ("/H2", areas[0].title),
        ("/H3", str(leadership)),
        ("/H4", "Definition"),
    ]
    assert [text for kind, text in headings if kind == "/H2"][2:] == [area.title for area in areas]
    assert len([kind for kind, _ in headings if kind == "/H3"]) == 21
    paragraphs = [text for kind, text, _ in elements if kind == "/P"]
    assert leadership.summary in paragraphs and f"Outcome: {areas[0].outcome}" in paragraphs
    # The contents are a list: an item for each area, its capabilities a list within it.
    items = [text for kind, text, _ in elements if kind == "/LI"]
    assert items[0] == "About the framework 3"
    assert items[1].startswith(f"{areas[0].title} 4 {leadership} 4 ") and items[2] == f"{leadership} 4"


def test_every_link_is_tagged_with_its_annotation(initial_content):
    document = open_with_pikepdf()
    parent_tree = pikepdf.NumberTree(document.Root.StructTreeRoot.ParentTree)
    annotations = [annotation for page in document.pages for annotation in page.get("/Annots", [])]
    assert len(annotations) > 28 + 21  # the contents' entries, the capabilities' addresses
    for annotation in annotations:
        element = parent_tree[int(annotation.StructParent)]
        assert element.S == "/Link"
        assert any(kid.get("/Obj") == annotation for kid in element.K if isinstance(kid, pikepdf.Dictionary))


def test_all_text_is_tagged_but_the_page_numbers_are_artifacts(initial_content):
    reader, document = read(), open_with_pikepdf()
    texts = [marked_texts(page) for page in reader.pages]
    tagged = {(number, mcid) for number, page in enumerate(texts) for mcid in page if isinstance(mcid, int)}
    in_tree = set()
    pages = {page.objgen: number for number, page in enumerate(document.pages)}
    for _, _, element in structure(document, texts):
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                in_tree.add((pages[element.Pg.objgen], int(kid)))
    assert tagged == in_tree  # every piece of text is in the structure tree
    for number, page in enumerate(texts):
        assert not page[None].strip()  # no text outside marked content
        if number:
            assert page["artifact"].strip() == f"Model National Response - page {number + 1} of {len(texts)}"


def test_its_fonts_are_embedded_and_its_title_shown_from_its_metadata(initial_content):
    document = open_with_pikepdf()
    fonts = {font.objgen: font for page in document.pages for font in page.Resources.Font.values()}
    assert fonts
    for font in fonts.values():
        assert font.Subtype == "/Type0" and "/ToUnicode" in font  # Unicode, so any language's letters
        assert "/FontFile2" in font.DescendantFonts[0].FontDescriptor  # a TrueType font in the file
    metadata = document.open_metadata()
    assert metadata["dc:title"] == "Model National Response"
    assert metadata["pdfuaid:part"] == "1"
    assert document.Root.ViewerPreferences.DisplayDocTitle is True
    assert document.Root.Lang == "en-GB"


def test_a_new_layout_rebuilds_the_pdf_though_no_page_changed(initial_content, settings, tmp_path):
    """As after an upgrade whose PDF looks different: the file is made again from the same pages."""
    before = MnrPdf.objects.select_related("document").get()
    assert mnr_pdf.update().document.file_hash == before.document.file_hash  # nothing changed
    layout = tmp_path / mnr_pdf.TEMPLATE
    layout.parent.mkdir()
    original = settings.BASE_DIR / "templates" / mnr_pdf.TEMPLATE
    layout.write_text(original.read_text().replace("#12306b", "#000000"))  # black headings, not blue
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]

    after = mnr_pdf.update()
    assert after.document.pk == before.document.pk and after.document.file_hash != before.document.file_hash


class Recorder(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass  # quiet


def test_building_the_pdf_fetches_nothing_an_editors_text_names(initial_content):
    """Rich text is only links; markup that names a file elsewhere (saved past the editor) is
    not fetched by the server that builds the PDF."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.requests = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_port}"
    try:
        capability = CapabilityPage.objects.get(number=4)
        capability.good_practice = f'<p>Training.</p><img src="{address}/tracker.png" alt="">'
        capability.good_practice += f'<p style="background: url({address}/style.png)">Together.</p>'
        capability.save_revision().publish()
        mnr_pdf.update()
    finally:
        server.shutdown()
        server.server_close()
    assert "Training." in "\n".join(page_texts(read()))
    assert server.requests == []
