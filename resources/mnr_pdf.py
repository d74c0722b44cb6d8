"""The Model National Response as a PDF, made from the site's own framework, area and
capability pages: a cover, a contents page whose entries link to their pages, every area
and capability with its four parts, page numbers, bookmarks, and title, author and language
in the file's metadata.

Publishing, unpublishing, moving or deleting one of those pages (or changing the site's
address, which the PDF prints) puts `rebuild` on the background queue; the worker builds
the file again only if the text it is made from has changed (a digest of it is kept beside
the file), so a burst of publishes costs one build. The file is a Wagtail document, sent
through /documents/ like any other, and keeps its address when rebuilt.

The PDF uses the PDF standard font Helvetica, so no font file ships with the project. It
covers Windows-1252 (English and the other Western European languages); a character
outside it is printed without its accent, or as "?" when it has no Latin form.
"""

import hashlib
import json
import re
import unicodedata

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.tasks import task
from django.utils import timezone
from django.utils.formats import date_format
from fpdf import FPDF
from fpdf.fonts import FontFace, TextStyle
from fpdf.outline import TableOfContents
from wagtail.documents import get_document_model
from wagtail.models import Site
from wagtail.rich_text import expand_db_html
from wagtail.signals import page_published, page_unpublished, post_page_move

from resources.documents import store_file
from resources.models import CapabilityAreaPage, CapabilityPage, MnrFrameworkPage, MnrPdf

AUTHOR = "WePROTECT Global Alliance"
LANGUAGE = "en-GB"
FILE_NAME = "model-national-response.pdf"
ENCODING = "windows-1252"
PARTS = [
    ("definition", "Definition"),
    ("why_needed", "Why is it needed"),
    ("good_practice", "Good practice"),
    ("guidance", "More guidance and support"),
]
BRAND = (18, 48, 107)
MUTED = (72, 73, 73)


def update():
    """Build the PDF if the published framework has changed since it was last built; return its MnrPdf."""
    framework = MnrFrameworkPage.objects.live().first()
    if framework is None:
        return None
    content = framework_content(framework)
    fingerprint = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
    with transaction.atomic():
        existing = MnrPdf.objects.select_for_update().filter(framework=framework).select_related("document").first()
        if existing and existing.fingerprint == fingerprint:
            return existing
        document = existing.document if existing else get_document_model()(title=f"{framework.title} (PDF)")
        store_file(document, FILE_NAME, render(content))
        pdf, _ = MnrPdf.objects.update_or_create(
            framework=framework, defaults={"document": document, "fingerprint": fingerprint}
        )
        return pdf


@task(backend="background")
def rebuild():
    update()


def queue_rebuild(sender, instance=None, **kwargs):
    """A change to a framework, area or capability page, or to the site's address."""
    if isinstance(instance, (MnrFrameworkPage, CapabilityAreaPage, CapabilityPage, Site)):
        rebuild.enqueue()


def connect():
    for signal in (page_published, page_unpublished, post_page_move, post_delete):
        signal.connect(queue_rebuild, dispatch_uid=f"mnr-pdf-{signal}")
    post_save.connect(queue_rebuild, sender=Site, dispatch_uid="mnr-pdf-site")


def framework_content(framework):
    """Everything the PDF prints, read from the live pages, in order."""
    site = framework.get_site()
    root_url = site.root_url if site else ""
    areas = []
    for area in CapabilityAreaPage.objects.child_of(framework).live().order_by("path"):
        capabilities = [
            {
                "number": capability.number,
                "title": capability.title,
                "summary": capability.summary,
                "url": capability.get_full_url(),
                "parts": [(label, rich_text(getattr(capability, field), root_url)) for field, label in PARTS],
            }
            for capability in CapabilityPage.objects.child_of(area).live().order_by("number")
        ]
        areas.append(
            {
                "title": area.title,
                "outcome": area.outcome,
                "introduction": area.introduction,
                "capabilities": capabilities,
            }
        )
    return {
        "title": framework.title,
        "introduction": framework.introduction,
        "body": rich_text(framework.body, root_url),
        "url": framework.get_full_url(),
        "areas": areas,
    }


def rich_text(html, root_url):
    """Editors' rich text as the PDF's HTML: links to pages and documents made absolute."""
    html = expand_db_html(html or "")
    return re.sub(r'href="/', f'href="{root_url}/', html)


class MnrDocument(FPDF):
    def footer(self):
        if self.page_no() == 1:
            return  # the cover
        self.set_y(-15)
        self.set_font("helvetica", size=9)
        self.set_text_color(*MUTED)
        self.cell(0, 10, printable(f"{self.title} - page {self.page_no()} of {{nb}}"), align="C")


def render(content):
    pdf = MnrDocument(format="A4")
    pdf.core_fonts_encoding = ENCODING
    pdf.title = printable(content["title"])
    pdf.set_title(content["title"])
    pdf.set_author(AUTHOR)
    pdf.set_subject(content["introduction"])
    pdf.set_creator(f"{AUTHOR} website")
    pdf.set_lang(LANGUAGE)
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=22)
    pdf.set_section_title_styles(
        TextStyle(font_family="helvetica", font_style="B", font_size_pt=20, color=BRAND, t_margin=0, b_margin=4),
        TextStyle(font_family="helvetica", font_style="B", font_size_pt=15, color=BRAND, t_margin=8, b_margin=2),
    )
    cover(pdf, content)
    pdf.add_page()
    pdf.insert_toc_placeholder(contents_page, allow_extra_pages=True)  # leaves the next page open
    if content["body"]:
        pdf.start_section("About the framework", level=0)
        html(pdf, content["body"])
    for area in content["areas"]:
        area_section(pdf, area)
    return bytes(pdf.output())


def cover(pdf, content):
    pdf.add_page()
    pdf.set_font("helvetica", "B", 12)
    pdf.set_text_color(*MUTED)
    pdf.cell(0, 8, AUTHOR, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(50)
    pdf.set_font("helvetica", "B", 32)
    pdf.set_text_color(*BRAND)
    pdf.multi_cell(0, 14, printable(content["title"]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("helvetica", size=13)
    pdf.set_text_color(0)
    pdf.multi_cell(0, 7, printable(content["introduction"]), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(60)
    pdf.set_font("helvetica", size=10)
    pdf.set_text_color(*MUTED)
    built = date_format(timezone.localdate(), "j F Y")
    pdf.multi_cell(
        0, 5, f"Made by the Alliance's website from its pages on {built}. The current version is at:",
        new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    pdf.set_text_color(*BRAND)
    pdf.cell(0, 6, printable(content["url"]), link=content["url"], new_x="LMARGIN", new_y="NEXT")


def contents_page(pdf, outline):
    """Each entry links to its page (fpdf2's TableOfContents)."""
    pdf.set_x(pdf.l_margin)
    pdf.set_font("helvetica", "B", 20)
    pdf.set_text_color(*BRAND)
    pdf.cell(0, 12, "Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_text_color(0)
    style = TextStyle(font_family="helvetica", font_style="", font_size_pt=11, color=0)
    TableOfContents(text_style=style, level_indent=8).render_toc(pdf, outline)


def area_section(pdf, area):
    if pdf.get_y() > pdf.t_margin:  # the page after the contents is still blank
        pdf.add_page()
    pdf.start_section(printable(area["title"]), level=0)
    pdf.set_text_color(0)
    paragraph(pdf, f"Outcome: {area['outcome']}", style="B")
    if area["introduction"]:
        paragraph(pdf, area["introduction"])
    for capability in area["capabilities"]:
        capability_section(pdf, capability)


def capability_section(pdf, capability):
    if pdf.will_page_break(40):
        pdf.add_page()
    pdf.start_section(printable(f"{capability['number']}. {capability['title']}"), level=1)
    paragraph(pdf, capability["summary"], style="I")
    pdf.set_font("helvetica", size=9)
    pdf.set_text_color(*BRAND)
    pdf.cell(0, 5, printable(capability["url"]), link=capability["url"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for label, text in capability["parts"]:
        if text:
            pdf.set_font("helvetica", "B", 12)
            pdf.set_text_color(0)
            pdf.cell(0, 8, label, new_x="LMARGIN", new_y="NEXT")
            html(pdf, text)


def paragraph(pdf, text, style=""):
    pdf.set_font("helvetica", style, 11)
    pdf.multi_cell(0, 6, printable(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def html(pdf, markup):
    pdf.set_text_color(0)
    markup = re.sub(r"<(p|ul|ol)(?=[\s>])", r'<\1 style="line-height: 1.3"', markup)  # easier to read than 1
    pdf.write_html(
        printable(markup),
        font_family="helvetica",
        li_prefix_color=BRAND,
        tag_styles={
            "p": TextStyle(font_size_pt=11, t_margin=0, b_margin=3),
            "a": FontFace(color=BRAND, emphasis="UNDERLINE"),
            "h3": TextStyle(font_style="B", font_size_pt=11, t_margin=3, b_margin=1),
            "h4": TextStyle(font_style="B", font_size_pt=11, t_margin=3, b_margin=1),
        },
    )


def printable(text):
    """The text in characters the standard font has: accents dropped, or "?", for the rest."""
    text = unicodedata.normalize("NFC", text)
    if is_printable(text):
        return text
    return "".join(character if is_printable(character) else nearest(character) for character in text)


def is_printable(text):
    try:
        text.encode(ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def nearest(character):
    base = unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode()
    return base or "?"
