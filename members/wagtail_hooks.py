"""The members directory in the admin: members as snippets, drafted by the team, published by editors."""

from wagtail.admin.ui.tables import BooleanColumn, Column, LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from members.models import Member


class MemberViewSet(SnippetViewSet):
    model = Member
    icon = "group"
    menu_label = "Members directory"
    menu_order = 260  # beside the membership register (250)
    add_to_admin_menu = True
    list_display = [
        "name",
        Column("sector", accessor="get_sector_display", sort_key="sector"),
        Column("place", label="Country or region"),
        BooleanColumn("visible", sort_key="visible"),
        LiveStatusTagColumn(),
    ]
    list_filter = ["sector", "live", "visible"]
    search_fields = ["name", "region", "description"]
    search_backend_name = None  # the database's own search: the list is short, and always up to date
    copy_view_enabled = False


register_snippet(MemberViewSet)
