"""The Board and governance page, under About, with the people the project's fact file confirms.

Built once: the page and its people are created the first time, and from then on they are the
editors' to keep current (someone an editor removes is never brought back). Only people the
facts confirm as current are seeded, each with a note of the source; the facts name no current
Chair, so none is seeded and the page shows no Chair section.
"""

import tomllib
from pathlib import Path

from governance.models import BoardMember, BoardPage
from website.content import paragraphs, stream

INTRODUCTION = (
    "The Alliance has been an independent organisation since 2020. A Board drawn from governments, international "
    "organisations, civil society and industry leads it, and a Secretariat supports its work."
)

BODY = stream(
    ("heading", {"text": "From two initiatives to one independent alliance", "level": "h2"}),
    (
        "rich_text",
        paragraphs(
            "The Alliance joins two efforts. The European Commission and the United States Department of Justice "
            "launched the Global Alliance Against Child Sexual Abuse Online in December 2012, with 54 countries. "
            "WePROTECT was set up by the UK Government, led by Baroness Joanna Shields, and launched by Prime "
            "Minister David Cameron in December 2014.",
            "At the Abu Dhabi summit in 2015 the UK, the United States and the European Commission announced that "
            "the two would merge. The UK Government provided the Alliance's secretariat in its early years; in "
            "2020 the Alliance relaunched as an independent organisation.",
        ),
    ),
    ("heading", {"text": "A Board for every sector", "level": "h2"}),
    (
        "rich_text",
        paragraphs(
            "No one sector can end the sexual exploitation of children online, so the Board is multistakeholder: "
            "its members come from governments, international organisations, civil society and industry. The "
            "Board also advises the Fund to End Violence Against Children.",
            "Ernie Allen, former President and Chief Executive of the National Center for Missing &amp; Exploited "
            "Children and of the International Centre for Missing &amp; Exploited Children, chaired the Board "
            "from 2015 until about 2020.",
        ),
    ),
)

# Only the current people the fact file confirms, each with where and when it says so.
PEOPLE = tomllib.loads((Path(__file__).parent / "people.toml").read_text())["person"]


def build(home):
    if BoardPage.objects.exists():
        return  # built before: the page and the people are the editors' now
    about = home.get_children().filter(slug="about").first()
    if about is None:
        return  # the About page was removed or renamed; an editor can add the Board page where it now belongs
    page = BoardPage(slug="board", title="Board and governance", introduction=INTRODUCTION, body=BODY)
    about.add_child(instance=page)
    page.save_revision().publish()
    add_people()


def add_people():
    """The seeded people, in the order given, leaving out anyone an editor has already recorded."""
    recorded = set(BoardMember.objects.values_list("name", flat=True))
    for order, person in enumerate(PEOPLE, start=1):
        if person["name"] not in recorded:
            BoardMember.objects.create(kind=BoardMember.Kind.PERSON, sort_order=order, **person)
