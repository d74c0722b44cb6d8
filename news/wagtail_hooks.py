"""Authors are a snippet: editors add them once and choose them on each article."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.models import Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation"]
    search_fields = ["name", "role", "organisation"]


register_snippet(AuthorViewSet)
