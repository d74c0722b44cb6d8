"""The Board and the Secretariat in the admin: one snippet list, filtered and ordered by hand."""

from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from governance.models import CHAIR_NOT_CONFIRMED, BoardMember


class BoardMemberIndexView(IndexView):
    """The list, headed by a notice while no Chair is recorded, so editors know the page shows none."""

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        no_chair = not BoardMember.objects.filter(group=BoardMember.Group.BOARD, role=BoardMember.Role.CHAIR).exists()
        context["no_chair_notice"] = CHAIR_NOT_CONFIRMED if no_chair else ""
        return context


class BoardMemberViewSet(SnippetViewSet):
    model = BoardMember
    icon = "group"
    menu_label = "Board and Secretariat"
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = BoardMemberIndexView
    index_template_name = "governance/admin/board_member_index.html"
    list_display = ["name", "group", "role", Column("position_text", label="Position"), "sector"]
    list_filter = ["group", "role", "kind", "sector"]
    # The list is short: the database's own search is enough, and needs no index to keep.
    search_backend_name = None
    search_fields = ["name", "position", "organisation"]
    # Listed in the page's order, which editors change by dragging.
    sort_order_field = "sort_order"
    ordering = "sort_order"


register_snippet(BoardMemberViewSet)
