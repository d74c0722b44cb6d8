"""The MNR framework, its areas and capabilities, and the library of the Alliance's publications.

Each resource gets a real PDF, generated here from its own summary, so every download
works on a fresh machine.
"""

from datetime import date

from django.core.files.base import ContentFile
from fpdf import FPDF
from wagtail.documents import get_document_model

from resources.mnr_content import AREAS, CAPABILITIES
from resources.models import (
    CapabilityAreaPage,
    CapabilityPage,
    MnrFrameworkPage,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
)
from website.content import ensure_child, paragraphs

GUIDANCE = (
    "The Alliance's resource library holds guidance, case studies and the maturity model for this capability. "
    "Members can also ask the Alliance to put them in touch with countries and organisations that have already "
    "built it."
)

# (slug, title, type, published, capabilities, topics, content warning, languages, summary)
PUBLICATIONS = [
    (
        "model-national-response",
        "Preventing and Tackling Child Sexual Exploitation and Abuse: A Model National Response",
        ResourceType.FRAMEWORK,
        date(2016, 11, 1),
        range(1, 22),
        ["national response", "framework"],
        False,
        ["en"],
        "The framework itself: the 21 capabilities, in six areas, that a country needs for a coordinated national "
        "response to online child sexual exploitation and abuse, and the outcome each area should achieve.",
    ),
    (
        "global-strategic-response",
        "Global Strategic Response",
        ResourceType.FRAMEWORK,
        date(2021, 10, 1),
        [1, 3, 4, 16, 17],
        ["global response", "strategy"],
        False,
        ["en"],
        "A companion to the Model National Response for action beyond national borders: what governments, "
        "companies and civil society can do together, internationally, to end online child sexual abuse.",
    ),
    (
        "global-threat-assessment-2019",
        "Global Threat Assessment 2019",
        ResourceType.REPORT,
        date(2019, 11, 1),
        [2, 4, 16],
        ["threat assessment", "research"],
        True,
        ["en", "fr", "es", "pt", "ar"],
        "An assessment of the scale and nature of online child sexual exploitation and abuse worldwide, with case "
        "studies of offending and of the response. Available in English, French, Spanish, Portuguese and Arabic.",
    ),
    (
        "global-threat-assessment-2021",
        "Global Threat Assessment 2021",
        ResourceType.REPORT,
        date(2021, 10, 1),
        [2, 12, 16, 18],
        ["threat assessment", "research"],
        True,
        ["en"],
        "The second assessment of the global threat, looking at how the risks to children online changed and grew, "
        "and at the response needed from governments, industry and civil society.",
    ),
    (
        "global-threat-assessment-2023",
        "Global Threat Assessment 2023",
        ResourceType.REPORT,
        date(2023, 10, 1),
        [2, 13, 15, 18],
        ["threat assessment", "research"],
        True,
        ["en"],
        "The third assessment of the global threat, describing new and growing forms of online abuse and the "
        "prevention, technology and regulation needed to meet them.",
    ),
    (
        "mnr-maturity-model",
        "Model National Response Maturity Model",
        ResourceType.GUIDANCE,
        date(2022, 5, 1),
        range(1, 22),
        ["national response", "self-assessment"],
        False,
        ["en"],
        "A tool for countries to assess how far they have built each capability, across four phases from starting a "
        "response to a mature, sustained one, and to plan their next steps.",
    ),
    (
        "mnr-review-42-countries",
        "Framing the Future: how the Model National Response has been used",
        ResourceType.REPORT,
        date(2022, 5, 1),
        [1, 2, 3],
        ["national response", "research"],
        False,
        ["en"],
        "A review of how 42 countries have used the Model National Response, what helped and hindered them, and "
        "what the lessons mean for the framework's future.",
    ),
    (
        "mnr-guidance-for-governments",
        "Using the Model National Response: a briefing for governments",
        ResourceType.BRIEFING,
        date(2017, 3, 1),
        [1, 2, 3],
        ["national response", "governments"],
        False,
        ["en"],
        "A short introduction for ministers and officials to what the framework asks of a government, how to "
        "start, and how to bring other sectors into a national plan.",
    ),
    (
        "industry-takedown-case-study",
        "Removing abuse material quickly: a case study of hotline and industry cooperation",
        ResourceType.CASE_STUDY,
        date(2018, 6, 1),
        [12, 16, 17],
        ["industry", "takedown"],
        True,
        ["en"],
        "How a national hotline, the police and internet companies agreed procedures that shortened the time abuse "
        "material stayed online, and what other countries can learn from it.",
    ),
    (
        "terminology-briefing",
        "Talking about abuse: a briefing on terminology",
        ResourceType.BRIEFING,
        date(2019, 2, 1),
        [20, 21],
        ["media", "terminology"],
        False,
        ["en"],
        "Why the words used about child sexual exploitation and abuse matter, and how the Luxembourg Guidelines help "
        "agencies, journalists and companies describe it accurately and respectfully.",
    ),
    (
        "child-helplines-guidance",
        "Child helplines in a national response",
        ResourceType.GUIDANCE,
        date(2020, 4, 1),
        [8, 11, 14],
        ["victims", "helplines"],
        False,
        ["en"],
        "Guidance on the part child helplines play in reporting, support and referral, and on connecting them to "
        "police, hotlines and child protection services.",
    ),
]

LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "pt": "Portuguese", "ar": "Arabic"}


def build(home):
    framework = build_framework(home)
    capabilities = {page.number: page for page in CapabilityPage.objects.descendant_of(framework)}
    build_library(home, capabilities)


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
            )
    return framework


def build_library(home, capabilities):
    index = ensure_child(
        home,
        ResourceIndexPage,
        "resources",
        title="Resources",
        show_in_menus=True,
        introduction=(
            "The Alliance's frameworks, reports, briefings, guidance and case studies. Filter by type, topic, "
            "capability, year or language, or search by keyword."
        ),
    )
    for slug, title, kind, published, numbers, topics, warning, languages, summary in PUBLICATIONS:
        if index.get_children().filter(slug=slug).exists():
            continue
        resource = ResourcePage(
            slug=slug, title=title, resource_type=kind, publication_date=published, summary=summary,
            content_warning=warning,
        )  # fmt: skip
        resource.topics.add(*topics)
        resource.related_capabilities = [capabilities[number] for number in numbers if number in capabilities]
        resource.documents = [
            ResourceDocument(document=generated_pdf(title, summary, language), language=language)
            for language in languages
        ]
        index.add_child(instance=resource)
        resource.save_revision().publish()


def generated_pdf(title, summary, language):
    """A Wagtail document holding a short PDF of the resource's summary (created once)."""
    Document = get_document_model()
    label = f"{title} ({LANGUAGE_NAMES[language]})" if language != "en" else title
    existing = Document.objects.filter(title=label).first()
    if existing:
        return existing
    pdf = FPDF()
    pdf.set_title(label)
    pdf.set_author("WePROTECT Global Alliance")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, latin1(title))
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, latin1(f"WePROTECT Global Alliance. Language of this edition: {LANGUAGE_NAMES[language]}."))
    pdf.ln(4)
    pdf.multi_cell(0, 6, latin1(summary))
    pdf.ln(4)
    pdf.multi_cell(0, 6, latin1("This file summarises the publication for the Alliance's website."))
    file_name = f"{slugify_file(label)}.pdf"
    return Document.objects.create(title=label, file=ContentFile(bytes(pdf.output()), name=file_name))


def latin1(text):
    return text.encode("latin-1", "replace").decode("latin-1")


def slugify_file(text):
    from django.utils.text import slugify

    return slugify(text)[:80]
