"""The news index and the few real news items the fact file dates and links (news/articles.toml).

Each item links to its original on weprotect.org; its summary is our own. Run again, the
command adds only the items missing by slug and never changes one an editor has edited (an
item an editor deleted comes back: to take one down, unpublish it).
"""

import tomllib
from datetime import date
from pathlib import Path

from news.models import ArticlePage, NewsIndexPage
from resources.models import ResourcePage
from website.content import ensure_child

ARTICLES = tomllib.loads((Path(__file__).parent / "articles.toml").read_text())["article"]

INTRODUCTION = (
    "News from the Alliance and its members, opinion, case studies and statements. Filter by kind, topic or "
    "year, or follow the news in a feed reader."
)


def build(home):
    index = ensure_child(
        home, NewsIndexPage, "news", title="News and insights", show_in_menus=True, introduction=INTRODUCTION
    )
    for article in ARTICLES:
        if not index.get_children().filter(slug=article["slug"]).exists():
            add_article(index, article)


def add_article(index, item):
    article = ArticlePage(
        slug=item["slug"],
        title=item["title"],
        kind=item["kind"],
        date=date.fromisoformat(item["date"]),
        summary=item["summary"],
        original_url=item["url"],
    )
    article.topics.add(*item.get("topics", []))
    if "resource" in item:
        article.related_resources = list(ResourcePage.objects.filter(slug=item["resource"]))
    index.add_child(instance=article)
    article.save_revision().publish()
