"""The small, shared set of StreamField blocks editors build pages from."""

from django.core.validators import URLValidator
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from membership.blocks import MembershipStateBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text="A section heading.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (H2)"), ("h3", "Sub-section (H3)")],
        default="h2",
        help_text="Use H2 for sections and H3 for parts of a section, so screen readers can navigate.",
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(help_text="Large images are resized automatically.")
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe what the image shows for people who cannot see it (required).",
    )
    caption = blocks.CharBlock(required=False, max_length=250, help_text="Optional caption shown under the image.")

    class Meta:
        icon = "image"
        template = "components/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600, help_text="The words quoted, without quotation marks.")
    attribution = blocks.CharBlock(required=False, max_length=120, help_text="Who said it, and their role.")

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"


def validate_link_address(value):
    """A web address elsewhere, or a path on this site (which may carry a filtered view's query)."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"], message="Enter an address starting with https:// or /.")(value)


class LinkBlock(blocks.StructBlock):
    """A link to a page on the site or, failing that, to an address."""

    label = blocks.CharBlock(max_length=60, help_text="The words on the link, e.g. 'Request membership'.")
    page = blocks.PageChooserBlock(required=False, help_text="A page on this site…")
    url = blocks.CharBlock(
        required=False,
        max_length=500,
        validators=[validate_link_address],
        help_text="…or an address: https://… elsewhere, or a path here such as /resources/?type=report.",
    )

    class Meta:
        icon = "link"

    def clean(self, value):
        if not value.get("page") and not value.get("url"):
            from django.core.exceptions import ValidationError
            from wagtail.blocks import StructBlockValidationError

            raise StructBlockValidationError({"page": ValidationError("Choose a page or enter an address.")})
        return super().clean(value)


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text="What the reader is invited to do.")
    text = blocks.TextBlock(required=False, max_length=400, help_text="One or two sentences of explanation.")
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action.html"


# What a headline figure can be counted from instead of typed: the members directory
# (members/directory.py counts them), so a figure stays true as members join.
COUNTED_FIGURES = [
    ("members", "Members in the directory"),
    ("countries", "Countries with a member in the directory"),
    ("government", "Government members"),
    ("international", "International organisations"),
    ("regional", "Regional organisations"),
    ("technology", "Technology companies"),
    ("civil_society", "Civil-society organisations"),
    ("financial", "Financial institutions"),
]


class FigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(
        required=False,
        max_length=20,
        help_text="The figure as it should read, e.g. 'about 70' or '20+'. Leave empty when it is counted.",
    )
    counted_from = blocks.ChoiceBlock(
        required=False,
        choices=COUNTED_FIGURES,
        help_text="Or count it from the members directory, so it changes as members are added. "
        "Choose this only once the directory lists every member of that kind.",
    )
    label = blocks.CharBlock(max_length=80, help_text="What it counts, e.g. 'member countries'.")

    class Meta:
        icon = "order"

    def clean(self, value):
        if bool(value.get("number")) == bool(value.get("counted_from")):
            from django.core.exceptions import ValidationError
            from wagtail.blocks import StructBlockValidationError

            raise StructBlockValidationError(
                {"number": ValidationError("Type the figure or choose what to count it from (one, not both).")}
            )
        return super().clean(value)


class FiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, help_text="Optional heading above the figures.")
    figures = blocks.ListBlock(FigureBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        template = "components/blocks/figures.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200, help_text="The question or topic, shown as a button.")
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, help_text="Shown when the reader opens it.")


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, help_text="Optional heading, e.g. 'Questions'.")
    items = blocks.ListBlock(QuestionBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "components/blocks/accordion.html"


class ContentWarningBlock(blocks.StructBlock):
    message = blocks.TextBlock(
        max_length=400,
        default="The following section describes the sexual abuse of children, which some readers may find distressing.",
        help_text="Shown before distressing material, so readers can choose whether to go on.",
    )

    class Meta:
        icon = "warning"
        template = "components/blocks/content_warning.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(help_text="The file to download.")
    label = blocks.CharBlock(required=False, max_length=120, help_text="Link text; the document title if empty.")

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_link.html"


class ContactCardBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text="Who to contact, e.g. 'Membership enquiries'.")
    text = blocks.TextBlock(required=False, max_length=400, help_text="When to use this contact.")
    email = blocks.EmailBlock(required=False, help_text="E-mail address.")
    phone = blocks.CharBlock(required=False, max_length=40, help_text="Telephone number, with country code.")
    link = blocks.URLBlock(required=False, help_text="A web address, e.g. a reporting portal.")

    class Meta:
        icon = "mail"
        template = "components/blocks/contact_card.html"


class ContactDetailsBlock(blocks.StructBlock):
    """One of the Alliance's e-mail addresses, read from the site settings when the page is shown,
    so changing the setting changes every page that offers it. Shows nothing while it is empty."""

    heading = blocks.CharBlock(max_length=120, help_text="Who to contact, e.g. 'General enquiries'.")
    text = blocks.TextBlock(required=False, max_length=400, help_text="When to use this address.")
    address = blocks.ChoiceBlock(
        choices=[
            ("contact_email", "The public contact address"),
            ("membership_team_email", "The membership team's address"),
        ],
        default="contact_email",
        help_text="Which address from Settings > Site settings to show.",
    )

    class Meta:
        icon = "mail"
        label = "Contact details from site settings"
        template = "components/blocks/contact_details.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        site_settings = (parent_context or {}).get("site_settings")
        email = getattr(site_settings, value["address"], "") if site_settings else ""
        # The same card as a typed contact, so both look alike.
        context["card"] = {"heading": value["heading"], "text": value["text"], "email": email}
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    rich_text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", template="components/blocks/rich_text.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    figures = FiguresBlock()
    accordion = AccordionBlock()
    content_warning = ContentWarningBlock()
    document_link = DocumentLinkBlock()
    contact_card = ContactCardBlock()
    membership_state = MembershipStateBlock()


class PageBodyBlock(BodyBlock):
    """The body of a general page (Contact, About…): every shared block, and contact details from the settings."""

    contact_details = ContactDetailsBlock()
