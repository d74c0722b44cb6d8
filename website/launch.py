"""The launch checklist: what a new installation still holds as a default, and where to put it right.

A fresh site is complete enough to browse, but some things only the Alliance can supply: its
public address, its real contact addresses, its own sharing image, a mail server, a reviewed
privacy notice. Rather than invent them, the site leaves them empty or generated and lists
them here; the dashboard panel (website/wagtail_hooks.py) shows this list to superusers
until nothing is left on it.
"""

from dataclasses import dataclass
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from wagtail.models import Site

from website.address import configured_address
from website.models import SiteSettings
from website.moderation import approvers, approving_groups, group_names, members_link
from website.sharing import GENERATED_SOCIAL_IMAGE_TITLE

# Mail backends that keep messages on the server instead of sending them.
UNSENT_MAIL = {
    "django.core.mail.backends.console.EmailBackend": "printed to the server's log",
    "django.core.mail.backends.filebased.EmailBackend": "written to files on the server",
    "django.core.mail.backends.locmem.EmailBackend": "kept in the server's memory",
    "django.core.mail.backends.dummy.EmailBackend": "thrown away",
}


@dataclass(frozen=True)
class Task:
    """One thing still to do before launch: what is wrong, how to put it right, and where."""

    title: str
    advice: str
    link: str = ""
    link_text: str = ""


def tasks_to_do():
    """Everything on the checklist not done yet, in the order it is best done."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return [Task("The site has no pages yet", "Run python manage.py load_initial_content on the server.")]
    site_settings = SiteSettings.for_site(site)
    checks = [
        public_address,
        contact_address,
        team_address,
        sharing_image,
        mail_server,
        sender,
        privacy_notice,
        moderators,
    ]
    return [task for check in checks if (task := check(site, site_settings))]


def settings_link(site):
    return reverse("wagtailsettings:edit", args=["website", "sitesettings", site.pk])


def public_address(site, site_settings):
    try:
        address = configured_address()
    except ValueError as error:
        return Task("The site's public address is not valid", f"WAGTAILADMIN_BASE_URL: {error}.")
    record = {"link": reverse("wagtailsites:edit", args=[site.pk]), "link_text": "See the site record"}
    if not address.is_public:
        return Task(
            "The site does not know its public address",
            f"Search engines, shared links and e-mails are told the site lives at {site.root_url}. Set "
            "WAGTAILADMIN_BASE_URL in the server's environment to its https address (for example "
            "https://www.example.org) and release again: the release step gives the address to the site record.",
            **record,
        )
    if not address.matches(site):
        return Task(
            "The site record is not at the public address",
            f"WAGTAILADMIN_BASE_URL says {settings.WAGTAILADMIN_BASE_URL}, but the site record says "
            f"{site.root_url}. Run python manage.py apply_site_address on the server (the release step does), "
            "rather than editing the record: the next release would change it back.",
            **record,
        )
    return None


def contact_address(site, site_settings):
    if site_settings.contact_email:
        return None
    return Task(
        "No public contact address",
        "The footer and the contact page show no e-mail address until the Alliance's own is entered.",
        settings_link(site),
        "Enter the contact address",
    )


def team_address(site, site_settings):
    if site_settings.membership_team_email:
        return None
    return Task(
        "No address for the membership team",
        "Membership requests are still saved in the register, but the team is not e-mailed about them and "
        "applicants' replies have nowhere to go. The notices held back are sent once the address is entered.",
        settings_link(site),
        "Enter the team's address",
    )


def sharing_image(site, site_settings):
    image = site_settings.default_social_image
    if image is not None and image.title != GENERATED_SOCIAL_IMAGE_TITLE:
        return None
    if image is None:
        title, advice = "No default sharing image", "Pages without their own image are shared with none."
    else:
        title = "The default sharing image is the generated one"
        advice = "Pages without their own image are shared with a stand-in made from the logo and name."
    return Task(
        title,
        f"{advice} Choose the Alliance's own image, 1200 x 630 pixels.",
        settings_link(site),
        "Choose the sharing image",
    )


def mail_server(site, site_settings):
    backend = settings.MAILERS["default"]["BACKEND"]
    if backend not in UNSENT_MAIL:
        return None
    return Task(
        "No mail server",
        f"The site's e-mails (to applicants, to the membership team, to editors) are {UNSENT_MAIL[backend]} "
        "instead of sent. Set EMAIL_URL in the server's environment (see Configuration in the README).",
    )


def sender(site, site_settings):
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    if not address.endswith("@localhost"):
        return None
    return Task(
        f"The site's e-mails come from {address}",
        "Mail servers reject such mail or file it as spam. Set DEFAULT_FROM_EMAIL in the server's environment to an address "
        "at the Alliance's own domain that its mail server may send from.",
    )


def privacy_notice(site, site_settings):
    page = site_settings.privacy_page
    if page is None:
        return Task(
            "No privacy notice is chosen",
            "The footer and the membership form link to the privacy notice chosen in the site settings.",
            settings_link(site),
            "Choose the privacy notice",
        )
    if page.live and page.last_published_at != page.first_published_at:
        return None
    return Task(
        "The privacy notice has not been reviewed",
        "It is still the text the site was set up with. Have it checked against how the Alliance handles "
        "personal data and who to contact about it, then publish it.",
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "Review the privacy notice",
    )


def moderators(site, site_settings):
    groups = list(approving_groups())
    if not groups or approvers().exists():
        return None
    names = group_names(groups)
    return Task(
        f"No one in {names}: editors' changes wait for a superuser to approve",
        f"Editors cannot publish: each change they submit for moderation goes to {names} to approve, and no "
        f"one is in it yet, so it waits until a superuser approves it. Give the people who approve changes "
        f"the group: edit each one's account under Settings, Users, and tick {names} under Roles.",
        members_link(groups[0]),
        f"See who is in {names}",
    )
