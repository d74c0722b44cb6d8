import factory
import wagtail_factories

from governance.models import BoardMember, BoardPage
from membership.models import OrganisationType


class BoardPageFactory(wagtail_factories.PageFactory):
    title = "Board and governance"
    slug = "board"
    introduction = "Who leads the Alliance and who does its work."

    class Meta:
        model = BoardPage


class BoardMemberFactory(factory.django.DjangoModelFactory):
    """A Board member; `chair=True` makes the Chair, `secretariat=True` a member of the Secretariat."""

    name = factory.Sequence(lambda n: f"Board Member {n}")
    group = BoardMember.Group.BOARD
    role = BoardMember.Role.MEMBER
    position = "Head of Online Safety"
    organisation = factory.Sequence(lambda n: f"Example Organisation {n}")
    sector = OrganisationType.CIVIL_SOCIETY
    source_note = "Confirmed on an example page, 1 Jan 2025."
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = BoardMember

    class Params:
        chair = factory.Trait(role=BoardMember.Role.CHAIR)
        secretariat = factory.Trait(group=BoardMember.Group.SECRETARIAT, role="", sector="")
        with_photo = factory.Trait(photo=factory.SubFactory(wagtail_factories.ImageFactory))
