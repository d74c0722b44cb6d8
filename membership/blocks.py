"""A block that says, wherever an editor puts it, whether membership applications are open:
read from the membership page itself, so lifting the pause changes every page at once
(publishing the membership page refreshes the page cache, website/cache.py)."""

from wagtail import blocks


class MembershipStateBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120, default="Joining the Alliance", help_text="For example, 'Membership enquiries'."
    )

    class Meta:
        icon = "group"
        template = "components/blocks/membership_state.html"
        label = "Membership: who can apply now"
        help_text = (
            "Says whether applications are open or paused, and who can still apply, as the membership page is "
            "set today, with the membership team's e-mail address from the site settings."
        )

    def get_context(self, value, parent_context=None):
        from membership.models import live_membership_page
        from website.languages import active_language

        context = super().get_context(value, parent_context)
        # The page in the reader's language where it has been translated (and so its link).
        context["membership_page"] = live_membership_page(active_language())
        return context
