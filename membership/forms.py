"""The public membership form: what is asked, what is required, and the anti-spam checks."""

import time
import unicodedata
import uuid

import phonenumbers
from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
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


def has_special_characters(text, allowed=""):
    """Control characters (line breaks among them) and Unicode's line and paragraph separators."""
    return any((unicodedata.category(c) == "Cc" or c in "\u2028\u2029") and c not in allowed for c in text)


class PlainText:
    """Refuses line breaks and control characters in an answer the e-mails show on one line or in a subject.

    A line break in a name would start a new line of the acknowledgement or the team's
    subject, where anything after it passes for the Alliance's own words.
    """

    allowed = ""
    message = "{label} must be on one line, without special characters"

    def to_python(self, value):
        if isinstance(value, str) and has_special_characters(value.strip(), self.allowed):
            label = (self.label or "This field").removesuffix(" (optional)")
            raise ValidationError(self.message.format(label=label), code="special_characters")
        return super().to_python(value)


class OneLineField(PlainText, forms.CharField):
    pass


class OneLineEmailField(PlainText, forms.EmailField):
    pass


class OneLineURLField(PlainText, forms.URLField):
    pass


class MessageField(PlainText, forms.CharField):
    """A message may have several lines and tabs, but no other control characters."""

    allowed = "\n\r\t"
    message = "{label} must not contain special characters"


class TelephoneField(PlainText, PhoneNumberField):
    """A number the `phonenumbers` library knows, kept as E.164 text (+442079460000) however it was typed.

    A number written without + is read as one in `region`, which the form sets to the country chosen.
    """

    def clean(self, value):
        number = super().clean(value)
        return number.as_e164 if number else ""


def country_choices():
    return [("", "Choose a country"), *countries]


def read_phone_in_country(form):
    """A number typed without + is read as one in the country chosen on the same form."""
    country = str(form.data.get("country", ""))
    form.fields["phone"].region = country if country in phonenumbers.SUPPORTED_REGIONS else None


def name_lengths_by_label(form):
    """A too-long answer is named by its label: "Organisation name must be 200 characters or fewer"."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and getattr(field, "max_length", None):
            field.error_messages["max_length"] = f"{field.label} must be {field.max_length} characters or fewer"


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
        label="Country",
        help_text="International and regional organisations: the country of your headquarters, if any (optional).",
    )
    read_commitments = forms.BooleanField(
        required=False,
        label="I have read the member commitments and my organisation can meet them",
        help_text="Needed for an application. The commitments are listed above.",
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
            "organisation_name": OneLineField, "regions_covered": OneLineField, "website": OneLineURLField,
            "contact_name": OneLineField, "job_title": OneLineField, "email": OneLineEmailField, "phone": TelephoneField,
            "senior_lead_name": OneLineField, "senior_lead_role": OneLineField,
            "working_contact_name": OneLineField, "working_contact_email": OneLineEmailField,
            "message": MessageField,
        }  # fmt: skip
        labels = {
            "organisation_name": "Organisation name",
            "organisation_type": "Type of organisation",
            "regions_covered": "Region or countries your organisation covers",
            "website": "Organisation website (optional)",
            "contact_name": "Your full name",
            "job_title": "Your job title",
            "email": "Your e-mail address",
            "phone": "Your telephone number (optional)",
            "senior_lead_name": "Senior lead's name",
            "senior_lead_role": "Senior lead's role",
            "working_contact_name": "Working-level contact's name",
            "working_contact_email": "Working-level contact's e-mail address",
            "message": "Your message (optional)",
        }
        help_texts = {
            "regions_covered": "Only for international and regional organisations. For example, Southern Africa, or Kenya, Tanzania and Uganda.",
            "website": "For example, https://www.example.org",
            "email": "We will send a confirmation to this address.",
            "phone": "For example +44 20 7946 0000. Without a country code, it is read as a number in the country above.",
            "senior_lead_role": "For governments, a minister or someone at ministerial level.",
            "message": "Anything you would like the membership team to know.",
        }
        error_messages = {
            "organisation_name": {"required": "Enter the name of your organisation"},
            "organisation_type": {"required": "Choose the type of your organisation"},
            "contact_name": {"required": "Enter your full name"},
            "job_title": {"required": "Enter your job title"},
            "email": {"required": "Enter your e-mail address", "invalid": "Enter an e-mail address in the right format, like name@example.org"},
            "website": {"invalid": "Enter a web address in the right format, like https://www.example.org"},
            "working_contact_email": {"invalid": "Enter an e-mail address in the right format, like name@example.org"},
            "phone": {"invalid": "Enter a telephone number in the right format, like +44 20 7946 0000"},
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
        self.fields["organisation_type"].choices = [("", "Choose a type")] + list(OrganisationType.choices)
        self.fields["country"].error_messages["invalid_choice"] = "Choose a country from the list"
        self.fields["organisation_type"].error_messages["invalid_choice"] = "Choose a type from the list"
        if self.data.get("organisation_type") in COVERS_A_REGION:  # for them, the country is optional
            self.fields["country"].label = "Headquarters country (optional)"
            self.fields["country"].help_text = ""
        read_phone_in_country(self)
        name_lengths_by_label(self)

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
                self.add_error("regions_covered", "Enter the region or countries your organisation covers")
            return
        # Typed before choosing another type, and hidden since: not an answer to keep.
        cleaned["regions_covered"] = ""
        if not cleaned.get("country") and "country" not in self.errors:
            self.add_error("country", "Choose your organisation's country")

    def require_application_details(self, cleaned):
        messages = {
            "senior_lead_name": "Enter the name of your organisation's senior lead",
            "senior_lead_role": "Enter the senior lead's role",
            "working_contact_name": "Enter the name of a working-level contact",
            "working_contact_email": "Enter the working-level contact's e-mail address",
            "read_commitments": "Confirm that you have read the member commitments",
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
        label="I agree that the Alliance may keep these details to answer this request, as the privacy notice explains",
        error_messages={"required": "Agree to the privacy notice so that we can keep your details"},
    )
    # Hidden: when the form was shown (signed), a one-time token, and a field people never see.
    started = forms.CharField(widget=forms.HiddenInput)
    token = OneLineField(widget=forms.HiddenInput, max_length=64)
    fax_number = forms.CharField(
        required=False,
        label="Leave this field empty",
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
