import factory
import wagtail_factories

from members.models import Member, MembersDirectoryPage
from membership.models import OrganisationType


class MembersDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Our members"
    slug = "members"
    introduction = "The Alliance's members, by sector."

    class Meta:
        model = MembersDirectoryPage


class MemberFactory(factory.django.DjangoModelFactory):
    """A published, visible member (live=False for a draft)."""

    name = factory.Sequence(lambda n: f"Member organisation {n}")
    sector = OrganisationType.TECHNOLOGY
    visible = True
    live = True

    class Meta:
        model = Member


class GovernmentFactory(MemberFactory):
    sector = OrganisationType.GOVERNMENT
    country = "GB"
