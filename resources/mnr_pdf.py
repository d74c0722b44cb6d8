"""The Model National Response as a PDF, made from the site's own framework, area and
capability pages: a cover, a contents page whose entries link to their pages, every area
and capability with its four parts, page numbers, bookmarks, and title, author and language
in the file's metadata.

Publishing, unpublishing, moving or deleting one of those pages (or changing the site's
address, which the PDF prints) puts `rebuild` on the background queue; the worker builds
the file again only if the text it is made from, or the template that lays it out, has
changed (a digest of both is kept beside the file), so a burst of publishes costs one
build. The file is a Wagtail document, sent through /documents/ like any other, and keeps
its address when rebuilt.

The PDF is an HTML template (templates/resources/mnr_pdf.html) that WeasyPrint lays out as
PDF/UA-1: a structure tree made from the HTML (headings, paragraphs, lists, links with
their annotations), every piece of text in marked content, the document's language and
title in its catalogue and XMP metadata, and its fonts (DejaVu Sans, from the system's
fontconfig) embedded, so any language's letters print. WeasyPrint marks the text of the
page margins (the page numbers) but leaves it out of the tree; resources/pdf_artifacts.py
makes it what PDF/UA asks, a pagination artifact, which a screen reader skips.
"""

import hashlib
import json
import re

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.tasks import task
from django.template.loader import get_template
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.documents import get_document_model
from wagtail.models import Site
from wagtail.rich_text import expand_db_html
from wagtail.signals import page_published, page_unpublished, post_page_move

from resources.documents import store_file
from resources.models import CapabilityAreaPage, CapabilityPage, MnrFrameworkPage, MnrPdf

AUTHOR = "WePROTECT Global Alliance"
LANGUAGE = "en-GB"
FILE_NAME = "model-national-response.pdf"
TEMPLATE = "resources/mnr_pdf.html"
PARTS = [
    ("definition", "Definition"),
    ("why_needed", "Why is it needed"),
    ("good_practice", "Good practice"),
    ("guidance", "More guidance and support"),
]
# The PDF's headings: the title h1, areas h2, capabilities h3 and their parts h4, so an
# editor's h3 and h4 in a part come two levels further down.
PART_HEADING_SHIFT = 2


def update():
    """Build the PDF if the published framework has changed since it was last built; return its MnrPdf."""
    framework = MnrFrameworkPage.objects.live().first()
    if framework is None:
        return None
    content = framework_content(framework)
    fingerprint = hashlib.sha256(
        json.dumps([content, get_template(TEMPLATE).template.source], sort_keys=True).encode()
    ).hexdigest()
    existing = MnrPdf.objects.filter(framework=framework).select_related("document").first()
    if existing and existing.fingerprint == fingerprint:
        return existing
    # Built outside the transaction: it takes seconds, and on SQLite the transaction holds
    # the database's write lock.
    data = render(content)
    with transaction.atomic():
        existing = MnrPdf.objects.select_for_update().filter(framework=framework).select_related("document").first()
        if existing and existing.fingerprint == fingerprint:
            return existing  # another worker stored the same build meanwhile
        document = existing.document if existing else get_document_model()(title=f"{framework.title} (PDF)")
        store_file(document, FILE_NAME, data)
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
                "parts": [
                    (label, rich_text(getattr(capability, field), root_url, PART_HEADING_SHIFT))
                    for field, label in PARTS
                ],
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


def rich_text(html, root_url, heading_shift=0):
    """Editors' rich text as the PDF's HTML: links to pages and documents made absolute,
    headings moved `heading_shift` levels down."""
    html = expand_db_html(html or "")
    html = re.sub(r'href="/', f'href="{root_url}/', html)
    return re.sub(r"<(/?)h([1-6])\b", lambda tag: f"<{tag[1]}h{min(int(tag[2]) + heading_shift, 6)}", html)


def render(content):
    # Imported here, not with the module: WeasyPrint takes seconds to import (it parses its
    # stylesheets), which every process of the site would otherwise pay at start-up.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    from resources.pdf_artifacts import margins_as_artifacts

    html = get_template(TEMPLATE).render(
        {
            **content,
            "language": LANGUAGE,
            "author": AUTHOR,
            "built": date_format(timezone.localdate(), "j F Y"),
        }
    )
    # Nothing is fetched: the styles are inline, and a file that an editor's text names (an
    # image, a background) would otherwise be requested by the server, from wherever it says.
    no_fetching = URLFetcher(allowed_protocols=())
    pdf = HTML(string=html, url_fetcher=no_fetching).write_pdf(pdf_variant="pdf/ua-1")
    return margins_as_artifacts(pdf)
