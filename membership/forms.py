"""The public membership form: what is asked, what is required, and the anti-spam checks."""

import re
import time
import unicodedata
import uuid

import phonenumbers
from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from phonenumber_field.formfields import PhoneNumberField

from membership.models import COVERS_A_REGION, Kind, MembershipEnquiry, OrganisationType

MINIMUM_SECONDS_TO_FILL = 3
FORM_SIGNING_SALT = "membership-form-started"
APPLICATION_ONLY = ["senior_lead_name", "senior_lead_role", "working_contact_name", "working_contact_email"]
# The ids of the parts of the page that only some organisation types need: an organisation
# type's radio button reveals them (see static/js/conditional-reveal.js).
APPLICATION_DETAILS_ID = "application-details"
REGION_DETAILS_ID = "region-details"


# A web or e-mail address, as a mail program would make it a link: "https://…", "www.…",
# "evil.example/claim", "name@host.org". A bare "Booking.com" is a name and stays allowed.
WEB_OR_EMAIL_ADDRESS = re.compile(
    r"[a-z][a-z0-9+.-]*://|\bwww\d*\.|[\w-]+(\.[\w-]+)+/|[^\s@]+@[^\s@]+\.\w", re.IGNORECASE
)
# Scripts written together in one name: Japanese (kanji and kana), Korean (hangul and hanja),
# Chinese (with bopomofo), each with Latin letters too (Unicode's "highly restrictive" level).
EAST_ASIAN_SCRIPTS = {"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO"}


def label_of(field):
    """The field's label as a message names it: "Organisation website", without "(optional)"."""
    return str(field.label or _("This field")).removesuffix(gettext(" (optional)"))


def has_special_characters(text, allowed=""):
    """Control characters (line breaks among them) and Unicode's line and paragraph separators."""
    return any((unicodedata.category(c) == "Cc" or c in "\u2028\u2029") and c not in allowed for c in text)


class PlainText:
    """Refuses line breaks and control characters in an answer the e-mails show on one line or in a subject.

    A line break in a name would start a new line of the acknowledgement or the team's
    subject, where anything after it passes for the Alliance's own words.
    """

    allowed = ""
    message = _("%(label)s must be on one line, without special characters")

    def to_python(self, value):
        if isinstance(value, str) and has_special_characters(value.strip(), self.allowed):
            raise ValidationError(self.message % {"label": label_of(self)}, code="special_characters")
        return super().to_python(value)


class OneLineField(PlainText, forms.CharField):
    pass


class NameField(OneLineField):
    """A name, a role or a region: one line, and no web or e-mail address in it.

    Nobody's name is a link, and refusing one keeps the register free of them; the
    applicant's e-mails never repeat these answers anyway (see emails/acknowledgement.txt).
    """

    def validate(self, value):
        super().validate(value)
        if WEB_OR_EMAIL_ADDRESS.search(unicodedata.normalize("NFKC", value)):
            message = _("%(label)s must not contain a web address or an e-mail address")
            raise ValidationError(message % {"label": label_of(self)}, code="web_address")


def scripts_of(name):
    """The scripts (Unicode's names for them: LATIN, CYRILLIC…) that a name's letters are written in."""
    scripts = {unicodedata.name(character, "").partition(" ")[0] for character in name if character.isalpha()}
    if scripts & EAST_ASIAN_SCRIPTS:
        scripts = (scripts - EAST_ASIAN_SCRIPTS - {"LATIN"}) | {"CJK"}
    return scripts


def is_disguised(domain):
    """True for a domain that is not what it looks like, as the mail would travel to another.

    Fullwidth letters, invisible characters and others that the IDNA encoding changes
    travel as the plain letters (a fullwidth "a" in example.org reaches example.org); a
    Cyrillic letter among Latin ones makes a domain that passes for another.
    """
    try:
        travels_as = domain.encode("idna").decode("idna")
    except UnicodeError:
        return True
    return travels_as.lower() != domain.lower() or any(len(scripts_of(part)) > 1 for part in domain.split("."))


class OneLineEmailField(PlainText, forms.EmailField):
    def clean(self, value):
        address = super().clean(value)
        if address and is_disguised(address.rpartition("@")[2]):
            message = _(
                "%(label)s must be typed in ordinary letters: the part after @ has look-alike characters, "
                "such as fullwidth letters or letters of two alphabets"
            )
            raise ValidationError(message % {"label": label_of(self)}, code="disguised_domain")
        return address


class OneLineURLField(PlainText, forms.URLField):
    pass


class MessageField(PlainText, forms.CharField):
    """A message may have several lines and tabs, but no other control characters."""

    allowed = "\n\r\t"
    message = _("%(label)s must not contain special characters")


class TelephoneField(PlainText, PhoneNumberField):
    """A number the `phonenumbers` library knows, kept as E.164 text (+442079460000) however it was typed.

    A number written without + is read as one in `region`, which the form sets to the country chosen.
    """

    def clean(self, value):
        number = super().clean(value)
        return number.as_e164 if number else ""


# In the range Ofcom keeps for drama (020 7946 0000 to 0999): nobody's number.
EXAMPLE_PHONE = "+44 20 7946 0000"


def with_example_phone(text):
    """`text` (a translation) with the example number in it kept on one line and left to right,
    as a number is read even in an Arabic sentence."""
    before, _, after = str(text).partition("%(example)s")
    return format_html('{}<span dir="ltr" class="nowrap">{}</span>{}', before, EXAMPLE_PHONE, after)


# Translated when shown, in the language of the page (and so also in the team's forms, which reuse these).
with_example_phone_lazy = lazy(with_example_phone, SafeString)


def country_choices():
    return [("", _("Choose a country")), *countries]


def read_phone_in_country(form):
    """A number typed without + is read as one in the country chosen on the same form."""
    country = str(form.data.get("country", ""))
    form.fields["phone"].region = country if country in phonenumbers.SUPPORTED_REGIONS else None


def name_lengths_by_label(form):
    """A too-long answer is named by its label: "Organisation name must be 200 characters or fewer"."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and getattr(field, "max_length", None):
            field.error_messages["max_length"] = ngettext(
                "%(label)s must be %(max)d character or fewer",
                "%(label)s must be %(max)d characters or fewer",
                field.max_length,
            ) % {"label": field.label, "max": field.max_length}


class EnquiryDetailsForm(forms.ModelForm):
    """What an entry must say, however it arrives: from the public form or added by the team
    (an enquiry taken by telephone). Field order, labels and hints follow the page; every
    message names the field it concerns. Whether it is an application (and so needs its
    leads and the commitments) depends on `page`, the membership page's current state."""

    # Errors come from the server, next to each field (the GOV.UK pattern), not the browser.
    use_required_attribute = False

    # Required in clean(), except from organisations that cover a region. The choices are a
    # function, read only when needed: each form copies its fields, and a list of 250 would be copied too.
    country = forms.ChoiceField(
        choices=country_choices,
        required=False,
        label=_("Country"),
        help_text=_(
            "Where your organisation is based. For international and regional organisations it is optional: "
            "the country of your headquarters, if any."
        ),
    )
    read_commitments = forms.BooleanField(
        required=False,
        label=_("I have read the member commitments and my organisation can meet them"),
        help_text=_("Needed for an application. The commitments are listed above."),
    )

    class Meta:
        model = MembershipEnquiry
        fields = [
            "organisation_name", "organisation_type", "regions_covered", "country", "website",
            "contact_name", "job_title", "email", "phone",
            "senior_lead_name", "senior_lead_role", "working_contact_name", "working_contact_email",
            "message", "read_commitments",
        ]  # fmt: skip
        field_classes = {
            "organisation_name": NameField, "regions_covered": NameField, "website": OneLineURLField,
            "contact_name": NameField, "job_title": NameField, "email": OneLineEmailField, "phone": TelephoneField,
            "senior_lead_name": NameField, "senior_lead_role": NameField,
            "working_contact_name": NameField, "working_contact_email": OneLineEmailField,
            "message": MessageField,
        }  # fmt: skip
        labels = {
            "organisation_name": _("Organisation name"),
            "organisation_type": _("Type of organisation"),
            "regions_covered": _("Region or countries your organisation covers"),
            "website": _("Organisation website (optional)"),
            "contact_name": _("Your full name"),
            "job_title": _("Your job title"),
            "email": _("Your e-mail address"),
            "phone": _("Your telephone number (optional)"),
            "senior_lead_name": _("Senior lead's name"),
            "senior_lead_role": _("Senior lead's role"),
            "working_contact_name": _("Working-level contact's name"),
            "working_contact_email": _("Working-level contact's e-mail address"),
            "message": _("Your message (optional)"),
        }
        help_texts = {
            "regions_covered": _(
                "Only for international and regional organisations. For example, Southern Africa, or Kenya, Tanzania and Uganda."
            ),
            "website": _("For example, https://www.example.org"),
            "email": _("We will send a confirmation to this address."),
            "senior_lead_role": _("For governments, a minister or someone at ministerial level."),
            "message": _("Anything you would like the membership team to know."),
            "phone": with_example_phone_lazy(
                _("For example %(example)s. Without a country code, it is read as a number in the country above.")
            ),
        }
        error_messages = {
            "organisation_name": {"required": _("Enter the name of your organisation")},
            "organisation_type": {"required": _("Choose the type of your organisation")},
            "contact_name": {"required": _("Enter your full name")},
            "job_title": {"required": _("Enter your job title")},
            "email": {"required": _("Enter your e-mail address"), "invalid": _("Enter an e-mail address in the right format, like name@example.org")},
            "website": {"invalid": _("Enter a web address in the right format, like https://www.example.org")},
            "phone": {"invalid": with_example_phone_lazy(_("Enter a telephone number in the right format, like %(example)s"))},
            "working_contact_email": {"invalid": _("Enter an e-mail address in the right format, like name@example.org")},
        }  # fmt: skip
        widgets = {
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "message": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["organisation_type"].choices = [("", _("Choose a type"))] + list(OrganisationType.choices)
        self.fields["country"].error_messages["invalid_choice"] = _("Choose a country from the list")
        self.fields["organisation_type"].error_messages["invalid_choice"] = _("Choose a type from the list")
        self.hint_country_for(self.data.get("organisation_type"))
        read_phone_in_country(self)
        name_lengths_by_label(self)

    def hint_country_for(self, organisation_type):
        """Once a type is chosen (a form sent back with errors), the country's label and hint speak to it alone."""
        country = self.fields["country"]
        if organisation_type in COVERS_A_REGION:  # for them, the country is optional
            country.label = _("Headquarters country (optional)")
            country.help_text = ""
        elif organisation_type in OrganisationType.values:
            country.help_text = _("Where your organisation is based.")

    @property
    def kind(self):
        return self.page.kind_for(self.cleaned_data.get("organisation_type"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation_type"):
            self.require_where_it_works(cleaned)
            if self.kind == Kind.APPLICATION:
                self.require_application_details(cleaned)
        return cleaned

    def require_where_it_works(self, cleaned):
        """One country, or for an organisation covering a region, that region (its headquarters optional)."""
        if cleaned["organisation_type"] in COVERS_A_REGION:
            if not cleaned.get("regions_covered") and "regions_covered" not in self.errors:
                self.add_error("regions_covered", _("Enter the region or countries your organisation covers"))
            return
        # Typed before choosing another type, and hidden since: not an answer to keep.
        cleaned["regions_covered"] = ""
        if not cleaned.get("country") and "country" not in self.errors:
            self.add_error("country", _("Choose your organisation's country"))

    def require_application_details(self, cleaned):
        messages = {
            "senior_lead_name": _("Enter the name of your organisation's senior lead"),
            "senior_lead_role": _("Enter the senior lead's role"),
            "working_contact_name": _("Enter the name of a working-level contact"),
            "working_contact_email": _("Enter the working-level contact's e-mail address"),
            "read_commitments": _("Confirm that you have read the member commitments"),
        }
        for name, message in messages.items():
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, message)


def new_form_tokens():
    """The hidden values each blank form gets: when it was shown (signed) and a one-time token."""
    return {"started": signing.dumps(time.time(), salt=FORM_SIGNING_SALT), "token": uuid.uuid4().hex}


class RevealingRadioSelect(forms.RadioSelect):
    """Radio buttons that each carry their own attributes (`option_attrs`, by value), so that
    choosing one can reveal the questions only that answer needs (the GOV.UK conditional reveal)."""

    option_attrs = {}

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        option["attrs"] = {**option["attrs"], **self.option_attrs.get(value, {})}
        return option


class MembershipForm(EnquiryDetailsForm):
    """The public form: the details, the privacy consent, and the checks that keep robots out.

    The type of organisation is a set of radio buttons; each says whether that type applies
    now and which questions it reveals. Without JavaScript every question shows, with a hint."""

    privacy_consent = forms.BooleanField(
        required=True,
        label=_(
            "I agree that the Alliance may keep these details to answer this request, as the privacy notice explains"
        ),
        error_messages={"required": _("Agree to the privacy notice so that we can keep your details")},
    )
    # Hidden: when the form was shown (signed), a one-time token, and a field people never see.
    started = forms.CharField(widget=forms.HiddenInput)
    token = OneLineField(widget=forms.HiddenInput, max_length=64)
    fax_number = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta(EnquiryDetailsForm.Meta):
        fields = [*EnquiryDetailsForm.Meta.fields, "privacy_consent"]
        widgets = {**EnquiryDetailsForm.Meta.widgets, "organisation_type": RevealingRadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation_type = self.fields["organisation_type"]
        organisation_type.choices = OrganisationType.choices
        organisation_type.widget.option_attrs = self.type_option_attrs()
        if not self.is_bound:
            self.initial.update(new_form_tokens())

    def type_option_attrs(self):
        """Per type: whether it applies now or registers interest, and the questions it reveals.

        The application's details are revealed only while some types register interest
        instead; when every type applies they are always shown."""
        applying = set(self.page.types_that_apply())
        everyone_applies = applying == set(OrganisationType.values)
        attrs = {}
        for value in OrganisationType.values:
            reveals = [REGION_DETAILS_ID] if value in COVERS_A_REGION else []
            if value in applying and not everyone_applies:
                reveals.append(APPLICATION_DETAILS_ID)
            kind = Kind.APPLICATION if value in applying else Kind.INTEREST
            attrs[value] = {"data-kind": kind.value, **({"data-aria-controls": " ".join(reveals)} if reveals else {})}
        return attrs

    def looks_automated(self):
        """True for a filled honeypot or a form sent back faster than a person could type it."""
        if self.data.get("fax_number"):
            return True
        try:
            started = signing.loads(self.data.get("started", ""), salt=FORM_SIGNING_SALT, max_age=24 * 3600)
        except (signing.BadSignature, TypeError, ValueError):
            return True
        return time.time() - float(started) < MINIMUM_SECONDS_TO_FILL
