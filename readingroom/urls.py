import os

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from articles import status
from articles.sitemaps import SITEMAPS

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", status.healthz, name="healthz"),
    path("", include("articles.urls")),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots",
    ),
]

# A database outage that surfaces outside a view still gets the 503 page, not the 500 one.
handler500 = "articles.status.server_error"

# The load benchmark's reference pages (bench/reference.py): its ceiling and a minimal Django
# page. Only when the benchmark starts the server, never in production.
if os.environ.get("READINGROOM_BENCH") == "1":
    urlpatterns.append(path("bench/", include("bench.reference")))
