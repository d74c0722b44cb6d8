"""The members directory page and the members the project's fact file confirms by name.

The Alliance's own member lists could not be read (see the fact file), so the directory starts
with the members other public sources name, each with its source and date in `source_note`
for editors. A member is looked up by name: one already there is left alone, whatever an editor
has done to it since.
"""

from wagtail.models import ModelLogEntry

from members.models import Member, MembersDirectoryPage
from membership.models import OrganisationType
from website.content import ensure_child

FACTS_READ = "read for the project's fact file of 23 November 2026"
TASKFORCE = (
    "Listed among the participants of the Global Taskforce on child sexual abuse online, the Alliance's "
    "reference group for government members: weprotect.org/global-taskforce-on-child-sexual-abuse-online and "
    f"weprotect.org/members/governments (undated pages of the current site, {FACTS_READ})."
)
MATCH_GROUP_PAGE = (
    "Named as a member in Match Group's announcement that it had joined: mtch.com/kr/single-trust-and-safety/18 "
    f"(23 July 2020, {FACTS_READ})."
)
MEMBERS_SESSION = (
    "Called one of the Alliance's member organisations in the news item on its members' session on financial "
    f"sexual extortion: weprotect.org/?p=423248 (24 June 2024, {FACTS_READ})."
)

# name: (sector, country, region, year joined, source note). Countries and regions only where the facts
# give them (a government's own country); no websites or logos: the sources give none.
MEMBERS = {
    **{
        name: (OrganisationType.GOVERNMENT, code, "", None, TASKFORCE)
        for name, code in [
            ("Australia", "AU"),
            ("Belgium", "BE"),
            ("Brazil", "BR"),
            ("Cambodia", "KH"),
            ("Canada", "CA"),
            ("Estonia", "EE"),
            ("Finland", "FI"),
            ("Ghana", "GH"),
            ("Guatemala", "GT"),
            ("Kenya", "KE"),
            ("Republic of Moldova", "MD"),
            ("New Zealand", "NZ"),
            ("Republic of North Macedonia", "MK"),
            ("Sweden", "SE"),
            ("Netherlands", "NL"),
            ("Philippines", "PH"),
            ("United Arab Emirates", "AE"),
            ("United Kingdom", "GB"),
            ("United States of America", "US"),
        ]
    },
    "Argentina": (
        OrganisationType.GOVERNMENT,
        "AR",
        "",
        None,
        TASKFORCE + " Also the Alliance's 100th government member: weprotect.org/library/argentina-is-the-100th-"
        "government-to-join-weprotect-global-alliance/ (undated, c. 2021–22; the year it joined is not confirmed).",
    ),
    "European Commission": (
        OrganisationType.REGIONAL,
        "",
        "European Union",
        None,
        "Chair of the Global Taskforce on child sexual abuse online: weprotect.org/global-taskforce-on-child-sexual-"
        f"abuse-online (undated page of the current site, {FACTS_READ}).",
    ),
    "African Union": (
        OrganisationType.REGIONAL,
        "",
        "Africa",
        None,
        "Vice-chair of the Global Taskforce on child sexual abuse online: weprotect.org/global-taskforce-on-child-"
        f'sexual-abuse-online (undated, {FACTS_READ}); "The AU itself is a Member of the WPGA", AU press release '
        "at allafrica.com/stories/201903080425.html (6–8 March 2019).",
    ),
    "Lanzarote Committee of the Council of Europe": (
        OrganisationType.INTERNATIONAL,
        "",
        "Council of Europe",
        None,
        "On the Global Taskforce on child sexual abuse online: weprotect.org/global-taskforce-on-child-sexual-abuse-"
        f"online (undated page of the current site, {FACTS_READ}).",
    ),
    "INTERPOL": (
        OrganisationType.INTERNATIONAL,
        "",
        "",
        None,
        "Named as a member by PA Consulting: paconsulting.com/insights/2019/protecting-our-children/?page=2 (2019) "
        "and its client story on the Alliance (c. 2024), " + FACTS_READ + ".",
    ),
    **{
        name: (OrganisationType.TECHNOLOGY, "", "", None, MATCH_GROUP_PAGE)
        for name in ["Apple", "Adobe", "Google", "Microsoft", "Snap Inc.", "Twitter"]
    },
    "Meta (Facebook)": (
        OrganisationType.TECHNOLOGY,
        "",
        "",
        None,
        MATCH_GROUP_PAGE.replace("Named as a member", "Named as a member (as Facebook)") + " " + MEMBERS_SESSION,
    ),
    "TikTok": (
        OrganisationType.TECHNOLOGY,
        "",
        "",
        2020,
        MATCH_GROUP_PAGE + " TikTok announced that it had joined in 2020: newsroom.tiktok.com/en-gb/tiktok-joins-"
        "weprotect-global-alliance-to-combat-online-child-sexual-exploitation-and-abuse (2020).",
    ),
    "Match Group": (
        OrganisationType.TECHNOLOGY,
        "",
        "",
        2020,
        "Joined in July 2020, by its own announcement: mtch.com/kr/single-trust-and-safety/18 "
        f"(23 July 2020, {FACTS_READ}).",
    ),
    "National Center for Missing and Exploited Children (NCMEC)": (
        OrganisationType.CIVIL_SOCIETY,
        "",
        "",
        None,
        MEMBERS_SESSION,
    ),
}


def build(home):
    directory = ensure_child(
        home,
        MembersDirectoryPage,
        "members",
        title="Our members",
        show_in_menus=False,
        search_description="The governments, organisations and companies that are members of the WePROTECT "
        "Global Alliance, by sector.",
        introduction=(
            "The Alliance brings together governments, international and regional organisations, technology "
            "companies, civil-society organisations and financial institutions. This directory lists members by "
            "sector as their membership is confirmed, so it does not yet name every one of them."
        ),
    )
    build_members()
    return directory


def build_members():
    """Each member in the fact file, published, unless one of that name is already there, was seeded
    under it and renamed since, or was deleted in the admin (the admin's log keeps its name)."""
    existing = (
        set(Member.objects.values_list("name", flat=True))
        | set(Member.objects.values_list("seeded_as", flat=True))
        | set(
            ModelLogEntry.objects.get_for_model(Member).filter(action="wagtail.delete").values_list("label", flat=True)
        )
    )
    for name, (sector, country, region, year_joined, source_note) in MEMBERS.items():
        if name in existing:
            continue
        member = Member.objects.create(
            name=name,
            sector=sector,
            country=country,
            region=region,
            year_joined=year_joined,
            source_note=source_note,
            seeded_as=name,
            live=False,
        )
        member.save_revision().publish()
