"""The Board and the Secretariat: people and organisations kept as snippets, shown on one page.

Editors keep the Board current by editing the snippets; the page lists whatever is there, in
their chosen order. Nothing is shown that the snippets do not hold: with no Chair recorded,
the page simply has no Chair section. Each snippet's source note says where its facts came
from, for editors only.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from membership.models import OrganisationType
from website.blocks import BodyBlock
from website.models import BasePage, CustomImage

# Told to editors wherever the Chair is chosen: the facts this site was built from stop at him.
CHAIR_NOT_CONFIRMED = (
    "The sources this site was built from do not name the current Chair: the last one they "
    "confirm is Ernie Allen, Chair from 2015 to about 2020. Until you record a Chair (a Board member whose role "
    "is Chair), the Board page has no Chair section."
)


class BoardMember(Orderable):
    """A person or organisation on the Board, or a member of the Secretariat."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"

    class Group(models.TextChoices):
        BOARD = "board", "Board"
        SECRETARIAT = "secretariat", "Secretariat"

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-Chair")
        MEMBER = "member", _("Board member")

    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.PERSON,
        help_text="A person, or an organisation that holds a seat on the Board as such.",
    )
    name = models.CharField(max_length=200, help_text="As they are known publicly, with any rank or title.")
    group = models.CharField(
        max_length=20,
        choices=Group.choices,
        default=Group.BOARD,
        help_text="The Board, or the Secretariat (the Alliance's staff).",
    )
    role = models.CharField(
        "role on the Board",
        max_length=20,
        choices=Role.choices,
        blank=True,
        help_text="For the Board only; leave empty for the Secretariat. " + CHAIR_NOT_CONFIRMED,
    )
    position = models.CharField(
        max_length=200,
        blank=True,
        help_text="Their job, e.g. 'Global Head of Platform Safety' or, for the Secretariat, 'Executive Director'.",
    )
    organisation = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where they hold that position, e.g. 'Snap Inc.'. Leave empty for an organisation's own seat.",
    )
    sector = models.CharField(
        max_length=20,
        choices=OrganisationType.choices,
        blank=True,
        help_text="The sector they represent on the Board, as in the membership criteria. Empty for the Secretariat.",
    )
    photo = models.ForeignKey(
        CustomImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: a portrait or logo the Alliance may publish. Its alt text on the page is the name.",
    )
    bio = models.TextField(
        "short biography", max_length=600, blank=True, help_text="Optional: two or three sentences."
    )
    source_note = models.TextField(
        blank=True,
        help_text=(
            "For editors only, never shown on the site: where these details were confirmed, and when. "
            "Update it whenever you change them."
        ),
    )

    panels = [
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("name"), FieldPanel("photo")], heading="Who"),
        MultiFieldPanel(
            [
                FieldPanel("group"),
                FieldPanel("role"),
                FieldPanel("position"),
                FieldPanel("organisation"),
                FieldPanel("sector"),
            ],
            heading="Role",
        ),
        FieldPanel("bio"),
        FieldPanel("source_note"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = "Board or Secretariat member"
        verbose_name_plural = "Board and Secretariat members"

    def __str__(self):
        return self.name

    def clean(self):
        if self.group == self.Group.BOARD and not self.role:
            raise ValidationError({"role": "Choose the role this member holds on the Board."})
        if self.group == self.Group.SECRETARIAT and self.role:
            raise ValidationError({"role": "The Secretariat has no role on the Board: leave this empty."})

    @property
    def is_chair(self):
        return self.group == self.Group.BOARD and self.role == self.Role.CHAIR

    @property
    def position_text(self):
        """ "Global Head of Platform Safety, Snap Inc.": what they do, and where."""
        return ", ".join(part for part in (self.position, self.organisation) if part)


class BoardPage(BasePage):
    """The Board and governance: how the Alliance is run, then its Chair, Board and Secretariat."""

    introduction = models.TextField(
        max_length=600, help_text="A short summary shown under the title, in search results and listings."
    )
    body = StreamField(
        BodyBlock(), blank=True, help_text="How the Alliance is governed; the lists of people follow it."
    )

    content_panels = BasePage.content_panels + [
        HelpPanel(
            "<p>The Chair, the Board and the Secretariat below the body come from <b>Board and Secretariat</b> "
            "in the admin menu: add, edit or reorder them there, and this page follows at once.</p>"
            f"<p>{CHAIR_NOT_CONFIRMED}</p>",
            heading="Who is listed on this page",
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["home.StandardPage"]
    subpage_types = []
    max_count = 1

    @property
    def summary_text(self):
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(board_sections())
        return context


def board_sections():
    """Everyone in one query (photos and their renditions in two more), split into the page's sections."""
    people = BoardMember.objects.select_related("photo").prefetch_related("photo__renditions")
    sections = {"chairs": [], "board": [], "secretariat": []}
    for person in people:
        if person.group == BoardMember.Group.SECRETARIAT:
            sections["secretariat"].append(person)
        elif person.is_chair:
            sections["chairs"].append(person)
        else:
            sections["board"].append(person)
    return sections
