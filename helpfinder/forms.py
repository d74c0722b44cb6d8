from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from helpfinder import countries


class CountryForm(forms.Form):
    """The finder's country chooser: a native select, sent by GET, that works without JavaScript."""

    # The site says what is missing itself; a browser's own check could not reach the select
    # once type-to-search hides it, and the form would silently not be sent.
    use_required_attribute = False

    country = forms.ChoiceField(
        label=_("Your country"),
        # A callable: the names are listed in the reader's language when the form is made.
        choices=lambda: [("", gettext("Choose a country"))] + countries.choices(),
        error_messages={
            "required": _("Choose your country from the list"),
            "invalid_choice": _("Choose your country from the list: we do not know that one"),
        },
    )
