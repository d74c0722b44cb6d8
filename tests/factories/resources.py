import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.utils.file import hash_filelike

from resources.models import (
    CapabilityAreaPage,
    CapabilityPage,
    MnrFrameworkPage,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
)


class MnrFrameworkPageFactory(wagtail_factories.PageFactory):
    title = "Model National Response"
    slug = "model-national-response"
    introduction = "A framework for a coordinated national response."

    class Meta:
        model = MnrFrameworkPage


class CapabilityAreaPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Area {n}")
    outcome = "Children are protected."

    class Meta:
        model = CapabilityAreaPage


class CapabilityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Capability {n}")
    number = factory.Sequence(lambda n: n + 1)
    summary = "What the capability is."
    definition = "<p>Definition.</p>"
    why_needed = "<p>Why.</p>"
    good_practice = "<p>Practice.</p>"

    class Meta:
        model = CapabilityPage


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Resources"
    slug = "resources"
    introduction = "Publications of the Alliance."

    class Meta:
        model = ResourceIndexPage


PDF_BYTES = b"%PDF-1.4\n% a small test file\n"


class DocumentFactory(factory.django.DjangoModelFactory):
    """A document as the admin's upload leaves it: with its size and hash (its ETag)."""

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="resource.pdf"))
    file_size = len(PDF_BYTES)
    file_hash = hash_filelike(ContentFile(PDF_BYTES))

    class Meta:
        model = Document


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Resource {n}")
    resource_type = ResourceType.REPORT
    publication_date = factory.Sequence(lambda n: datetime.date(2015, 1, 1) + datetime.timedelta(days=n))
    summary = "A publication about protecting children online."

    class Meta:
        model = ResourcePage

    @factory.post_generation
    def with_document(self, create, language, **kwargs):
        """One English PDF unless told another language, or False for none."""
        if create and language is not False:
            ResourceDocument.objects.create(page=self, document=DocumentFactory(), language=language or "en")
