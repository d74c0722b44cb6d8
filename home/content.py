"""The home page and the Alliance's general pages, in the project's own words.

`build_home()` runs first and creates the home page with the sections that lead the
menu; `build()` runs after the other apps and adds the help pages that close it.
"""

from django.conf import settings

from helpfinder.models import HelpFinderPage
from home.models import HomePage, StandardPage
from website.content import bullet_list, ensure_child, ensure_site_root, paragraphs, stream
from website.models import SiteSettings


def link(label, url):
    return {"label": label, "page": None, "url": url}


def build_home():
    home = ensure_site_root(
        HomePage,
        "home",
        title="Home",
        seo_title="WePROTECT Global Alliance to End Child Sexual Exploitation Online",
        search_description=(
            "An international alliance of governments, technology companies, international bodies and "
            "civil society acting together to end the sexual exploitation of children online."
        ),
        hero_heading="Together we can end the sexual exploitation of children online",
        mission=(
            "The WePROTECT Global Alliance brings governments, technology companies, international "
            "organisations and civil society together to take national and global action against the "
            "sexual exploitation and abuse of children online."
        ),
        hero_actions=stream(
            ("link", link("Become a member", "/membership/")),
            ("link", link("Explore the Model National Response", "/model-national-response/")),
        ),
        figures=stream(
            ("figure", {"number": "About 70", "label": "member countries"}),
            ("figure", {"number": "20+", "label": "global technology companies"}),
            ("figure", {"number": "17", "label": "leading civil-society organisations"}),
            ("figure", {"number": "Several", "label": "major international organisations"}),
        ),
        focus_heading="Our four areas of work",
        focus_areas=stream(
            (
                "area",
                {
                    "heading": "High-level commitments",
                    "text": (
                        "Winning firm pledges from governments, industry, and international and civil-society "
                        "organisations to tackle online child sexual exploitation."
                    ),
                },
            ),
            (
                "area",
                {
                    "heading": "Comprehensive national action",
                    "text": (
                        "Helping countries build a coordinated national response, guided by the Model National "
                        "Response."
                    ),
                },
            ),
            (
                "area",
                {
                    "heading": "Global action",
                    "text": (
                        "Catalysing and driving the critical interventions the world needs to end online child "
                        "sexual abuse and exploitation."
                    ),
                },
            ),
            (
                "area",
                {
                    "heading": "Strategy and governance",
                    "text": (
                        "Securing a long-term future for the Alliance with a clear, stable governance structure."
                    ),
                },
            ),
        ),
        members_heading="What member countries work to do",
        members_work=stream(
            ("item", "Identify the children who are victims and make sure they receive the support they need"),
            ("item", "Investigate cases of exploitation and bring offenders to justice"),
            ("item", "Raise public awareness of the risks children can meet in their lives online"),
            ("item", "Reduce the amount of child sexual abuse material available online"),
        ),
        partnership_heading="Working with the Fund to End Violence Against Children",
        partnership_text=paragraphs(
            "With the Fund to End Violence Against Children, which is hosted by UNICEF, the Alliance "
            "delivers a global programme that builds countries' capacity and capability to end the "
            "sexual exploitation of children online.",
            "The Alliance's Board advises the Fund on where its work will make the greatest difference.",
        ),
    )
    build_about(home)
    build_what_members_do(home)
    return home


def build_about(home):
    return ensure_child(
        home,
        StandardPage,
        "about",
        title="About the Alliance",
        show_in_menus=True,
        introduction=(
            "An international movement for national and global action to end the sexual exploitation "
            "and abuse of children online."
        ),
        body=stream(
            ("heading", {"text": "Our mission", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "No single country, company or charity can stop the online sexual exploitation of children "
                    "alone. The WePROTECT Global Alliance exists so that governments, the technology industry, "
                    "international organisations and civil society can act together: sharing what works, "
                    "committing to change and holding one another to it.",
                ),
            ),
            ("heading", {"text": "How the Alliance was formed", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "The Alliance brings together two initiatives. The Global Alliance was led by the United "
                    "States Department of Justice and the European Commission; WePROTECT was convened by the "
                    "United Kingdom. Merging them created one movement with one agenda.",
                ),
            ),
            (
                "figures",
                {
                    "heading": "Who is part of it",
                    "figures": [
                        {"number": "About 70", "label": "countries"},
                        {"number": "20+", "label": "large technology companies"},
                        {"number": "17", "label": "leading civil-society organisations"},
                    ],
                },
            ),
            ("heading", {"text": "Four areas of work", "level": "h2"}),
            (
                "rich_text",
                bullet_list(
                    "<b>High-level commitments</b> from governments, the technology industry, and international "
                    "and civil-society organisations to tackle child sexual exploitation online.",
                    "<b>Comprehensive national action</b>, supported by the Model National Response.",
                    "<b>Global action</b> that catalyses and drives the critical interventions needed to end "
                    "online child sexual abuse and exploitation.",
                    "<b>Strategy and governance</b>, including a long-term future for the initiative and a clear, "
                    "stable governance structure.",
                ),
            ),
            ("heading", {"text": "The Board", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "A multistakeholder Board leads the Alliance. Its members represent governments, "
                    "international organisations, civil-society organisations and the technology industry, so "
                    "that every group with a part to play has a voice in the Alliance's direction.",
                    '<a href="/about/board/">Meet the Board and the Secretariat</a>.',
                ),
            ),
            ("heading", {"text": "Our partnership with the Fund to End Violence Against Children", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "The Alliance works with the Fund to End Violence Against Children, hosted by UNICEF, on a "
                    "global programme that builds the capacity and capability of countries to end the sexual "
                    "exploitation of children online. The Board advises the Fund on how to prioritise its "
                    "activities for the greatest impact.",
                ),
            ),
            (
                "call_to_action",
                {
                    "heading": "Join the Alliance",
                    "text": "Membership carries no financial or legal commitment. Find out who can join and how.",
                    "link": link("About membership", "/membership/"),
                },
            ),
        ),
    )


def build_what_members_do(home):
    return ensure_child(
        home,
        StandardPage,
        "what-members-do",
        title="What members do",
        show_in_menus=True,
        introduction="Countries, companies and organisations each play their part in one shared response.",
        body=stream(
            ("heading", {"text": "Member countries", "level": "h2"}),
            (
                "rich_text",
                paragraphs("The countries of the Alliance work together to:")
                + bullet_list(
                    "identify the children who are victims of online sexual exploitation and make sure they get "
                    "the support they need;",
                    "investigate cases of exploitation and prosecute the offenders;",
                    "raise public awareness of the risks that come with children's activities online;",
                    "reduce the amount of child sexual abuse material available online.",
                )
                + paragraphs(
                    "The Model National Response, developed by the Alliance, helps each country set up and "
                    "develop a coordinated national response."
                ),
            ),
            (
                "heading",
                {"text": "Technology companies, international and civil-society organisations", "level": "h2"},
            ),
            (
                "rich_text",
                paragraphs(
                    "The technology industry and international and civil-society organisations back these "
                    "national approaches. They coordinate what they do, so efforts add up rather than overlap, "
                    "and bring the power of innovation to keeping children safe online."
                ),
            ),
            (
                "call_to_action",
                {
                    "heading": "Build a national response",
                    "text": "The Model National Response sets out the 21 capabilities a country needs.",
                    "link": link("Explore the Model National Response", "/model-national-response/"),
                },
            ),
        ),
    )


def build(home):
    """The help pages that close the menu, then the footer links in the site settings."""
    report = HelpFinderPage.objects.child_of(home).first()  # built by the help finder's content
    contact = build_contact(home)
    privacy = build_privacy(home)
    accessibility = build_accessibility(home)
    site_settings = SiteSettings.for_site(home.get_site())
    # Fill only links that are empty, so an editor's choice is never replaced.
    for field, page in [
        ("report_abuse_page", report),
        ("contact_page", contact),
        ("privacy_page", privacy),
        ("accessibility_page", accessibility),
    ]:
        if getattr(site_settings, f"{field}_id") is None:
            setattr(site_settings, field, page)
    site_settings.save()


def build_contact(home):
    contact = ensure_child(
        home,
        StandardPage,
        "contact",
        title="Contact",
        show_in_menus=True,
        introduction="How to get in touch with the WePROTECT Global Alliance.",
        body=stream(
            (
                "contact_details",
                {
                    "heading": "General enquiries",
                    "text": "Questions about the Alliance, its work and its publications.",
                    "address": "contact_email",
                },
            ),
            ("membership_state", {"heading": "Joining the Alliance"}),
            (
                "rich_text",
                paragraphs(
                    'To report abuse, please do not contact us: see <a href="/how-to-report-abuse/">how to report '
                    "abuse</a> for the services that can act.",
                ),
            ),
        ),
    )
    use_addresses_from_settings(contact)
    return contact


# Addresses the first version of this loader typed into the contact page, and the setting
# each stood for: placeholders, never the Alliance's own.
TYPED_PLACEHOLDERS = {"info@example.org": "contact_email", "membership@example.org": "membership_team_email"}


def use_addresses_from_settings(page):
    """An older contact page names the placeholder addresses in contact cards: show the site
    settings' addresses there instead. A card an editor has given more (a telephone number, a
    link) is left as it is. Idempotent: once replaced, there is nothing left to replace."""
    draft = page.get_latest_revision_as_object()
    body, replaced = [], False
    for block in draft.body:
        field = TYPED_PLACEHOLDERS.get(block.value["email"]) if block.block_type == "contact_card" else None
        if field and not (block.value["phone"] or block.value["link"]):
            card = {"heading": block.value["heading"], "text": block.value["text"], "address": field}
            body.append(("contact_details", card))
            replaced = True
        else:
            body.append((block.block_type, block.value))
    if not replaced:
        return
    publish = page.live and not page.has_unpublished_changes  # never publish an editor's unfinished draft
    draft.body = body
    revision = draft.save_revision()
    if publish:
        revision.publish()


def build_privacy(home):
    months = settings.ENQUIRY_RETENTION_MONTHS
    return ensure_child(
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        introduction="What personal information this website keeps, why, for how long, and your rights.",
        body=stream(
            ("heading", {"text": "What we collect", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "Reading this website requires no personal information. We set no advertising or tracking "
                    "cookies, and every part of the site is served from our own address.",
                    "When you request membership or register interest, we store what you enter in the form: your "
                    "organisation's name, type, country and website; your name, job title, e-mail address and "
                    "telephone number; for applications, the names and roles of your senior lead and working-level "
                    "contact; and your message. We also record when you sent it and the e-mails we sent you.",
                ),
            ),
            ("heading", {"text": "Why we keep it", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "Only to answer your request: to consider your application, or to tell you when membership "
                    "applications reopen and how to apply. We do not use it for anything else and never sell or "
                    "share it for marketing."
                ),
            ),
            ("heading", {"text": "Who can see it", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "Only the Alliance's membership team and the site's administrators. Other staff who edit the "
                    "website cannot see the register."
                ),
            ),
            ("heading", {"text": "How long we keep it", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    f"An entry that has been declined or withdrawn, or that nobody has worked on, is deleted "
                    f"automatically {months} months after it was last updated. Entries of members are kept while "
                    f"the membership lasts."
                ),
            ),
            ("heading", {"text": "Your rights", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "You can ask to see the information we hold about you, to correct it, or to have it deleted "
                    "at any time. Write to the membership team at the address on our "
                    '<a href="/contact/">contact page</a>, giving the reference number from your confirmation '
                    "e-mail if you have it."
                ),
            ),
        ),
    )


def build_accessibility(home):
    return ensure_child(
        home,
        StandardPage,
        "accessibility",
        title="Accessibility statement",
        introduction="We want everyone who visits this website to be able to use it.",
        body=stream(
            ("heading", {"text": "How accessible this website is", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "The site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. You "
                    "should be able to:"
                )
                + bullet_list(
                    "use every page with a keyboard alone, with a visible focus indicator;",
                    "zoom text to 400% without content disappearing, and read every page on a small phone;",
                    "use a screen reader: pages have landmarks, headings in order and a link to skip to the content;",
                    "fill in the membership form without JavaScript, with each error shown next to its field;",
                    "leave the site quickly with the 'Exit this page' button or by pressing Shift three times.",
                ),
            ),
            ("heading", {"text": "How we test it", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "Every type of page is checked automatically with the axe accessibility engine at phone and "
                    "desktop widths whenever the site changes, and the main journeys are tested using only a "
                    "keyboard."
                ),
            ),
            ("heading", {"text": "Problems and feedback", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "If something on this site is hard to use, or you need information in another format, please "
                    'tell us through the <a href="/contact/">contact page</a>. We will reply within ten working '
                    "days."
                ),
            ),
        ),
    )
