"""Resource topics are taggit tags; editors rename, merge and tidy them as a snippet."""

from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet


class TopicViewSet(SnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = "Topics"
    menu_order = 300
    add_to_admin_menu = True
    panels = [FieldPanel("name", help_text="The topic as visitors see it in the library's filter.")]
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)
