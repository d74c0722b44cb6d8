"""The MNR framework, its areas and capabilities, and the library of the Alliance's publications.

The library starts with the Alliance's real publications (resources/publications.toml, from
the project's fact file), each linking to its official page: the site keeps no copy of them.
The one document the site makes, the Model National Response as a PDF, is built from the
framework's own pages (resources/mnr_pdf.py).

Earlier versions seeded one-page PDFs generated from each resource's summary, in languages
the publications never had, and four resources the Alliance never published. Running the
command removes those from an existing database: only resources at the slugs it seeded
whose every download is one of those generated files, and only such files that nothing else
uses. Seeded text that editors have not changed is brought up to date the same way.
"""

import tomllib
from datetime import date
from pathlib import Path

from django.utils.text import slugify
from wagtail.documents import get_document_model

from resources import mnr_pdf
from resources.mnr_content import AREAS, CAPABILITIES
from resources.models import (
    CapabilityAreaPage,
    CapabilityPage,
    DatePrecision,
    MnrFrameworkPage,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
)
from website.content import ensure_child, paragraphs

PUBLICATIONS = tomllib.loads((Path(__file__).parent / "publications.toml").read_text())["publication"]

GUIDANCE = (
    "The Alliance's resource library lists the publications on this capability, among them the Model National "
    "Response itself and Framing the Future, a review of how 42 countries have put it into practice."
)
LIBRARY_INTRODUCTION = (
    "The Alliance's publications: its frameworks, threat assessments, strategies and reports, each with a link to "
    "its official page. Filter by type, topic, capability, year or language, or search by keyword."
)

# What earlier versions seeded, to replace where editors have left it as it was.
OLD_GUIDANCE = (
    "The Alliance's resource library holds guidance, case studies and the maturity model for this capability. "
    "Members can also ask the Alliance to put them in touch with countries and organisations that have already "
    "built it."
)
OLD_LIBRARY_INTRODUCTION = (
    "The Alliance's frameworks, reports, briefings, guidance and case studies. Filter by type, topic, "
    "capability, year or language, or search by keyword."
)
# slug: (title, languages of its generated PDFs)
GENERATED_RESOURCES = {
    "model-national-response": (
        "Preventing and Tackling Child Sexual Exploitation and Abuse: A Model National Response",
        ["en"],
    ),
    "global-strategic-response": ("Global Strategic Response", ["en"]),
    "global-threat-assessment-2019": ("Global Threat Assessment 2019", ["en", "fr", "es", "pt", "ar"]),
    "global-threat-assessment-2021": ("Global Threat Assessment 2021", ["en"]),
    "global-threat-assessment-2023": ("Global Threat Assessment 2023", ["en"]),
    "mnr-maturity-model": ("Model National Response Maturity Model", ["en"]),
    "mnr-review-42-countries": ("Framing the Future: how the Model National Response has been used", ["en"]),
    "mnr-guidance-for-governments": ("Using the Model National Response: a briefing for governments", ["en"]),
    "industry-takedown-case-study": (
        "Removing abuse material quickly: a case study of hotline and industry cooperation",
        ["en"],
    ),
    "terminology-briefing": ("Talking about abuse: a briefing on terminology", ["en"]),
    "child-helplines-guidance": ("Child helplines in a national response", ["en"]),
}
GENERATED_LANGUAGE_NAMES = {"fr": "French", "es": "Spanish", "pt": "Portuguese", "ar": "Arabic"}
GENERATED_FILE_SIZE_LIMIT = 8 * 1024  # they were about 1.4 KB; any real publication is far larger


# The capabilities a visitor looking for a helpline, a hotline or somewhere to report may read:
# child helpline, CSEA hotline, offender support systems, takedown procedures, CSEA reporting.
# Set when a capability is created; an editor decides afterwards.
LINKS_TO_HELP_FINDER = {11, 12, 15, 16, 17}


def build(home):
    framework = build_framework(home)
    capabilities = {page.number: page for page in CapabilityPage.objects.descendant_of(framework)}
    build_library(home, capabilities)
    mnr_pdf.update()  # at once, so a new site offers it without waiting for the worker


def build_framework(home):
    framework = ensure_child(
        home,
        MnrFrameworkPage,
        "model-national-response",
        title="Model National Response",
        show_in_menus=True,
        introduction=(
            "The Model National Response is the Alliance's framework for a coordinated national response to online "
            "child sexual exploitation and abuse. It sets out 21 capabilities, in six areas, that together protect "
            "children, bring offenders to justice and prevent abuse."
        ),
        body=paragraphs(
            "It is for governments first, and for everyone who works with them: law enforcement, the courts, "
            "child protection and health services, industry, civil society and the media. No country is expected "
            "to build every capability at once; the framework helps each one see where it stands and what to do "
            "next.",
            "Every capability is described in the same four parts: what it is, why it is needed, what good "
            "practice looks like, and where to find more guidance and support.",
        ),
    )
    for slug, title, outcome in AREAS:
        area = ensure_child(framework, CapabilityAreaPage, slug, title=title, outcome=outcome)
        for number, cap_slug, cap_title, summary, definition, why, practice in CAPABILITIES[slug]:
            ensure_child(
                area,
                CapabilityPage,
                cap_slug,
                title=cap_title,
                number=number,
                summary=summary,
                definition=paragraphs(definition),
                why_needed=paragraphs(why),
                good_practice=paragraphs(practice),
                guidance=paragraphs(GUIDANCE),
                links_to_help_finder=number in LINKS_TO_HELP_FINDER,
            )
    for capability in CapabilityPage.objects.descendant_of(framework):
        replace_unchanged(capability, "guidance", paragraphs(OLD_GUIDANCE), paragraphs(GUIDANCE))
    return framework


def build_library(home, capabilities):
    index = ensure_child(
        home,
        ResourceIndexPage,
        "resources",
        title="Resources",
        show_in_menus=True,
        introduction=LIBRARY_INTRODUCTION,
    )
    replace_unchanged(index, "introduction", OLD_LIBRARY_INTRODUCTION, LIBRARY_INTRODUCTION)
    remove_generated_resources(index)
    for publication in PUBLICATIONS:
        if not index.get_children().filter(slug=publication["slug"]).exists():
            add_publication(index, publication, capabilities)


def add_publication(index, publication, capabilities):
    published, precision = parse_date(publication["date"])
    numbers = publication.get("capabilities", [])
    resource = ResourcePage(
        slug=publication["slug"],
        title=publication["title"],
        resource_type=publication["type"],
        publication_date=published,
        date_precision=precision,
        publisher=publication["publisher"],
        official_url=publication["url"],
        languages=publication.get("languages", []),
        summary=publication["summary"],
        content_warning=publication.get("content_warning", False),
    )
    resource.topics.add(*publication["topics"])
    resource.related_capabilities = (
        list(capabilities.values())
        if numbers == "all"
        else [capabilities[number] for number in numbers if number in capabilities]
    )
    index.add_child(instance=resource)
    resource.save_revision().publish()


def parse_date(text):
    """ "2019", "2018-02" or "2023-12-20": the date, and how precisely it is known."""
    parts = [int(part) for part in text.split("-")]
    precision = [DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY][len(parts) - 1]
    return date(*parts, *[1] * (3 - len(parts))), precision


def replace_unchanged(page, field, old, new):
    """Publish `new` in place of text this command once seeded, unless an editor has changed it since."""
    if getattr(page, field) == old:
        setattr(page, field, new)
        page.save_revision().publish()


def remove_generated_resources(index):
    """The resources and one-page PDFs earlier versions generated; nothing an editor added or attached."""
    generated = generated_documents()
    for resource in ResourcePage.objects.child_of(index).filter(slug__in=GENERATED_RESOURCES):
        downloads = {item.document_id for item in resource.documents.all()}
        if downloads and downloads <= generated:
            resource.delete()
    in_use = set(ResourceDocument.objects.filter(document_id__in=generated).values_list("document_id", flat=True))
    get_document_model().objects.filter(pk__in=generated - in_use).delete()


def generated_documents():
    """The ids of the generated PDFs still there: their titles, file names and size give them away."""
    names = {}
    for title, languages in GENERATED_RESOURCES.values():
        for language in languages:
            label = f"{title} ({GENERATED_LANGUAGE_NAMES[language]})" if language != "en" else title
            names[label] = f"documents/{slugify(label)[:80]}"
    found = set()
    for document in get_document_model().objects.filter(title__in=names):
        if document.file.name.startswith(names[document.title]) and is_small(document):
            found.add(document.pk)
    return found


def is_small(document):
    try:
        return document.file.size <= GENERATED_FILE_SIZE_LIMIT
    except OSError:  # the file is gone: nothing real is lost with the record
        return True
