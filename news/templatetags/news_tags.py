"""The home page's latest news, the site-wide feed links, and an article's structured data."""

from urllib.parse import urljoin

from django import template
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.text import slugify

from news.models import ArticlePage
from website.alternates import in_visitors_language
from website.cache import cached_for_content
from website.languages import default_language, locale_id
from website.sections import section_index
from website.templatetags.site_tags import SITE_NAME, image_addresses, json_ld

register = template.Library()


@register.simple_tag
def latest_news(count=3, heading="Latest news"):
    """The newest articles as cards, for the home page, each in the visitor's language where it is
    translated (else in English, marked as such); rendered once per content version and language."""
    if not count:
        return ""

    def render():
        context = {
            # Cards show no topics or authors, so none are fetched.
            "articles": in_visitors_language(
                ArticlePage.objects.live()
                .filter(locale_id=locale_id(default_language()))
                .defer_streamfields()
                .order_by(*ArticlePage.NEWEST_FIRST)[:count],
                ArticlePage.objects.live().defer_streamfields(),
            ),
            "heading": heading,
            "index": section_index("news.NewsIndexPage"),
        }
        return render_to_string("news/includes/latest_news.html", context)

    return cached_for_content(f"latest-news:{count}:{slugify(heading)}", render)  # a SafeString, cached as one


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def news_feed_links(context, index=None, topics=()):
    """<link rel="alternate"> to the news feeds on every page, and to the feeds of `topics` of `index`."""
    request = context.get("request")

    def main_feed():
        news = section_index("news.NewsIndexPage")
        return (news.title, *news.feed_urls(request=request)) if news else None

    main = cached_for_content("news-feed-links", main_feed)
    links = [main] if main else []
    for topic in topics if index else ():
        links.append((f"{index.title}: {topic.name}", *index.feed_urls(topic, request=request)))
    return {"links": links}


@register.simple_tag(takes_context=True)
def article_data(context, page):
    """schema.org Article: headline, dates, authors, image and publisher, with full addresses."""
    request = context.get("request")
    url = page.get_full_url(request=request)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title[:110],
        "description": page.summary,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": page.date.isoformat(),
        "dateModified": (page.last_published_at or page.published_at).isoformat(),
        "publisher": {
            "@type": "Organization",
            "name": SITE_NAME,
            "logo": {"@type": "ImageObject", "url": urljoin(url, static("img/logo.png"))},
        },
    }
    authors = context.get("authors") or []
    data["author"] = [
        {"@type": "Person", "name": author.name, **({"jobTitle": author.role} if author.role else {})}
        for author in authors
    ] or [{"@type": "Organization", "name": SITE_NAME, "url": urljoin(url, "/")}]
    if images := image_addresses(context, page, url, page.lead_image):
        data["image"] = images
    return json_ld(data)
