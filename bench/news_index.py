"""News and insights must not slow down as articles accumulate.

Builds the site in a scratch SQLite database (production settings, page cache off), then
grows the news to 10, 100 and 1,000 articles (each with two topics and an author) and
prints the server time and query count of the index, a filtered index, the feeds, an
article and the home page at each size.

    python bench/news_index.py [--sizes 10,100,1000] [--requests 20]
"""

import argparse
import datetime
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.resource_index import measure, set_up  # noqa: E402 - the same scratch site and measurement

ADDRESSES = {
    "index": "/news/",
    "filtered": "/news/?kind=opinion&year=2020",
    "rss": "/news/feed/",
    "atom": "/news/feed/atom/",
    "topic rss": "/news/topics/prevention/feed/",
    "article": "/news/generated-article-0/",
    "home": "/",
}


def grow_news(size):
    """Add articles until the news holds at least `size`; returns how many it holds."""
    from news.models import ArticleAuthor, ArticlePage, Author, NewsIndexPage

    index = NewsIndexPage.objects.get()
    author, _ = Author.objects.get_or_create(name="Generated author", defaults={"role": "Writer"})
    generated = ArticlePage.objects.filter(slug__startswith="generated-article-").count()
    seeded = ArticlePage.objects.count() - generated
    for number in range(generated, max(generated, size - seeded)):
        article = ArticlePage(
            title=f"Generated article {number}",
            slug=f"generated-article-{number}",
            kind="opinion" if number % 2 else "news",
            date=datetime.date(2015, 1, 1) + datetime.timedelta(days=number % 3000),
            summary="A generated article about protecting children online, for measuring the news pages.",
        )
        article.topics.add("prevention", f"topic {number % 12}")
        index.add_child(instance=article)
        ArticleAuthor.objects.create(page=article, author=author)
        article.save_revision().publish()
        if number % 250 == 249:
            print(f"    {number + 1} articles", flush=True)
    return ArticlePage.objects.count()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="numbers of articles to measure (default 10,100,1000)")
    parser.add_argument("--requests", type=int, default=20, help="requests per address and size (default 20)")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]

    with tempfile.TemporaryDirectory(prefix="news-index-") as workdir:
        print("Building the site in a scratch database…", flush=True)
        set_up(workdir)
        rows = []
        for size in sizes:
            print(f"  growing the news to {size} articles", flush=True)
            held = grow_news(size)
            for name, path in ADDRESSES.items():
                milliseconds, queries = measure(path, options.requests)
                rows.append((held, name, milliseconds, queries))

    print(f"\nNews pages, server time (median of {options.requests}) and queries per request\n")
    print(f"| {'articles':>8} | {'view':<10} | {'ms':>7} | {'queries':>7} |")
    print(f"|{'-' * 10}|{'-' * 12}|{'-' * 9}|{'-' * 9}|")
    for size, name, milliseconds, queries in rows:
        print(f"| {size:>8} | {name:<10} | {milliseconds:>7.1f} | {queries:>7} |")


if __name__ == "__main__":
    main()
