from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from resources import documents
from website import accounts, views
from website.sitemap import LanguagesSitemap

handler500 = "website.views.server_error"
handler403 = "website.views.forbidden"
handler400 = "website.views.bad_request"

urlpatterns = [
    # Wagtail's page-password and admin password-reset views, limited (website/accounts.py): at
    # Wagtail's own addresses, ahead of its URLs, so its forms and links reach them.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        accounts.page_password,
    ),
    path("documents/authenticate_with_password/<int:restriction_id>/", accounts.document_password),
    # Downloads, at Wagtail's address with its privacy checks, without its stray headers (resources/documents.py).
    re_path(r"^documents/(\d+)/(.*)$", documents.serve),
    path(settings.WAGTAILADMIN_PATH + "password_reset/", accounts.PasswordResetView.as_view()),
    path(settings.WAGTAILADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": LanguagesSitemap}}, name="sitemap"),
    # Image renditions are served by the app itself so a single gunicorn process is a
    # complete site; a CDN in front caches them. Nothing else under MEDIA_ROOT has an
    # address: originals never, documents only through /documents/ (collection privacy).
    re_path(r"^media/images/(?P<path>.+)$", views.image_rendition, name="image_rendition"),
]

# Pages and search in each language: English at / as ever, the others under /fr/, /es/, /ar/.
urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    # Events' calendar files (event.ics, upcoming.ics): page routes with a dot Wagtail's URLs refuse.
    path("", include("events.urls")),
    # Wagtail's page view, its root cached; Wagtail's own _util/ views (the front-end login) still theirs.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", views.page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
