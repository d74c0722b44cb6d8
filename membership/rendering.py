"""How the membership page with its form is rendered, for a blank form, one with errors, or
one paused by the rate limit."""

from django.template.response import TemplateResponse


def render_form_page(request, page, form, status=200):
    return TemplateResponse(request, "membership/membership_page.html", {"page": page, "form": form}, status=status)
