"""The membership page, paused as the Alliance's was, in the project's own words."""

from membership.models import MembershipPage, default_open_while_paused
from website.content import bullet_list, ensure_child, paragraphs


def build(home):
    return ensure_child(
        home,
        MembershipPage,
        "membership",
        title="Membership",
        show_in_menus=True,
        search_description="Who can join the WePROTECT Global Alliance, what members commit to, and how to apply.",
        introduction=(
            "Members join a worldwide community committed to working together against the sexual exploitation "
            "and abuse of children online. Joining carries no financial or legal obligation."
        ),
        benefits=paragraphs("Membership is free of any financial or legal commitment. As a member you gain:")
        + bullet_list(
            "a place in the Alliance community, with a varied network of experts and influential people from "
            "government, law enforcement, industry and civil society;",
            "a say in the global strategy against online child sexual exploitation;",
            "a visible, high-profile commitment to ending online child sexual abuse, including use of the "
            "Alliance's brand;",
            "invitations to Alliance summits and other major events, to hear from keynote speakers and experts;",
            "a members' online space for sharing information, experience and good practice (being developed);",
            "expert insight, analysis and advice;",
            "the chance to bid to the Fund to End Violence Against Children for capacity-building projects.",
        ),
        eligibility=paragraphs("A member must be one of these:")
        + bullet_list(
            "<b>The government of a United Nations member state.</b>",
            "<b>An international organisation</b>: set up by a treaty or another instrument of international "
            "law, with its own legal personality.",
            "<b>A regional organisation</b>: an international organisation focused on one part of the world.",
            "<b>A technology company</b> that makes hardware, writes software, provides specialised technology "
            "such as social media or internet security tools, or offers telecommunications such as mobile or "
            "broadband services.",
            "<b>A civil-society organisation</b> focused on child protection and registered as such with the "
            "proper local authorities.",
            "<b>A financial institution</b> that offenders could exploit for the commercial sexual exploitation "
            "of children.",
        ),
        requirements=paragraphs("Every new member agrees to:")
        + bullet_list(
            "sign up to the member commitments below;",
            "show its commitment to putting the Model National Response into practice;",
            "collaborate with the Alliance, where possible by attending international events and promoting the "
            "Alliance's work;",
            "uphold the Alliance's aims;",
            "name a senior lead (at ministerial level for governments) and a working-level contact;",
            "avoid anything that could harm the Alliance's reputation or its ability to do its work.",
        ),
        commitments=paragraphs("Members of the Alliance commit to:")
        + "<ul><li>working with the Alliance and its members to tackle online child sexual exploitation and abuse;</li>"
        "<li>setting up or supporting a national response, guided by the Model National Response and the Global "
        "Strategic Response, that achieves:<ul>"
        "<li>the highest level of response to online abuse, including preventing wider abuse of children;</li>"
        "<li>effective prevention, investigation, prosecution, protection of victims and management of offenders;</li>"
        "<li>programmes that deter offenders, safeguard victims and protect children, and support the adults "
        "who can help;</li>"
        "<li>expertise and resources shared between members to identify and safeguard victims;</li>"
        "<li>the right support services for victims, children and young people;</li>"
        "<li>support for partners who remove child sexual abuse content from the internet;</li>"
        "<li>effective ways for the public to report abuse material, worldwide;</li>"
        "<li>better awareness of online abuse among the public and people who work with children;</li>"
        "<li>participation and coordination across every sector;</li></ul></li>"
        "<li>promoting the Alliance and its work to the public, stakeholders and professionals;</li>"
        "<li>attending the Alliance's global summits;</li>"
        "<li>taking the voices of victims, survivors and children into account when shaping policy, programmes, "
        "tools and laws;</li>"
        "<li>coordinating with other bodies, such as the Fund to End Violence Against Children, for the "
        "greatest impact.</li></ul>",
        applications_paused=True,
        pause_message=(
            "We have paused new membership applications while we review how organisations become members: the "
            "process, the criteria and the commitments. Governments and international and regional organisations "
            "can still apply. Other organisations can register their interest, and we will contact them with who is "
            "eligible and how to apply as soon as the pause lifts."
        ),
        types_open_while_paused=default_open_while_paused(),
    )
