import datetime

import factory
import wagtail_factories

from news.models import ArticleAuthor, ArticleKind, ArticlePage, Author, NewsIndexPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News and insights"
    slug = "news"
    introduction = "News from the Alliance and its members."
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class AuthorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Author {n}")
    role = "Policy lead"
    organisation = "An example organisation"
    bio = "Works on child protection policy."

    class Meta:
        model = Author


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    kind = ArticleKind.NEWS
    date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    summary = "What happened, in a sentence or two."

    class Meta:
        model = ArticlePage

    @factory.post_generation
    def authors(self, create, authors, **kwargs):
        """Authors in credit order: ArticlePageFactory(authors=[author, ...])."""
        if create and authors:
            for order, author in enumerate(authors):
                ArticleAuthor.objects.create(page=self, author=author, sort_order=order)

    @factory.post_generation
    def topics(self, create, names, **kwargs):
        """Topic names: ArticlePageFactory(topics=["prevention"])."""
        if create and names:
            self.topics.add(*names)
            self.save()
