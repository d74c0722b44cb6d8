import factory
import wagtail_factories
from django.contrib.auth.models import Group, Permission
from django.core import signing

from membership.forms import FORM_SIGNING_SALT
from membership.models import EntryChange, Kind, MembershipEnquiry, MembershipPage, Note, OrganisationType, Status
from membership.team import ensure_membership_team


class MembershipPageFactory(wagtail_factories.PageFactory):
    title = "Membership"
    slug = "membership"
    introduction = "Join a worldwide community working to protect children online."
    benefits = "<ul><li>A network of experts</li></ul>"
    eligibility = "<ul><li>Governments</li></ul>"
    requirements = "<ul><li>Name a senior lead</li></ul>"
    commitments = "<ul><li>Working together<ul><li>Support for victims</li></ul></li></ul>"
    applications_paused = True
    pause_message = "Applications are paused while we review the process."

    class Meta:
        model = MembershipPage


class MembershipEnquiryFactory(factory.django.DjangoModelFactory):
    kind = Kind.INTEREST
    organisation_name = factory.Sequence(lambda n: f"Organisation {n}")
    organisation_type = OrganisationType.TECHNOLOGY
    country = "GB"
    contact_name = "Sam Taylor"
    job_title = "Head of Trust and Safety"
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    privacy_consent = True
    submission_token = factory.Sequence(lambda n: f"token-{n}")

    class Meta:
        model = MembershipEnquiry


class NoteFactory(factory.django.DjangoModelFactory):
    enquiry = factory.SubFactory(MembershipEnquiryFactory)
    text = "Called on Monday"

    class Meta:
        model = Note


class StatusChangeFactory(factory.django.DjangoModelFactory):
    """A status change in an entry's history (EntryChange for the status field)."""

    enquiry = factory.SubFactory(MembershipEnquiryFactory)
    field = "status"
    old_value = Status.NEW
    new_value = Status.CONTACTED

    class Meta:
        model = EntryChange


def started_long_ago(seconds=60):
    """The form's signed start time, as if the visitor opened it `seconds` ago."""
    import time

    return signing.dumps(time.time() - seconds, salt=FORM_SIGNING_SALT)


def form_data(**overrides):
    """A complete, valid submission as a person would send it (an application's details included)."""
    import uuid

    data = {
        "organisation_name": "Example Technologies",
        "organisation_type": OrganisationType.TECHNOLOGY,
        "country": "GB",
        "website": "https://www.example.org",
        "contact_name": "Sam Taylor",
        "job_title": "Head of Trust and Safety",
        "email": "sam@example.org",
        "phone": "+44 20 7946 0000",
        "senior_lead_name": "Alex Morgan",
        "senior_lead_role": "Minister for Digital Affairs",
        "working_contact_name": "Jo Rivera",
        "working_contact_email": "jo@example.org",
        "message": "We would like to join.",
        "read_commitments": "on",
        "privacy_consent": "on",
        "started": started_long_ago(),
        "token": uuid.uuid4().hex,
        "fax_number": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def team_member(django_user_model, username="team"):
    """A user in the Membership team group (recreated if a transactional test emptied the tables)."""
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "a-long-team-password")
    user.groups.add(ensure_membership_team(Group, Permission))
    return user


def correction_data(entry, **changes):
    """The register's edit form as the team sends it: the entry's current status and details, with `changes`."""
    from membership.register_views import CORRECTABLE

    data = {name: str(getattr(entry, name)) for name in ["status", *CORRECTABLE]}
    data.update(changes)
    return data


def published_translation(page, language):
    """`page` translated into `language` as an editor makes a translation (Wagtail's
    simple_translation copies the page, and its parents where they have no translation yet),
    then published: its text still the English until a translator changes it."""
    from wagtail.models import Locale

    locale, _ = Locale.objects.get_or_create(language_code=language)
    translation = page.copy_for_translation(locale, copy_parents=True).specific
    for copy in [*translation.get_ancestors().filter(depth__gt=1, live=False).specific(), translation]:
        copy.save_revision().publish()
    return type(translation).objects.get(pk=translation.pk)
