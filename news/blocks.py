"""The article body: the site's shared blocks, and a video that loads nothing from elsewhere until asked.

A video is only ever a link to YouTube or Vimeo until the visitor presses "Play here"; then
static/js/video-embed.js swaps in the provider's privacy-minded player (youtube-nocookie.com,
Vimeo with dnt=1). Those two player hosts are the only frames the security policy allows
(SECURE_CSP's frame-src), so an address from any other host is refused when the editor saves.
"""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from website.blocks import BodyBlock

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^[0-9]{1,12}$")


def youtube_id(parts):
    if parts.hostname == "youtu.be":
        return parts.path.strip("/")
    if parts.path == "/watch":
        return parse_qs(parts.query).get("v", [""])[0]
    for prefix in ("/embed/", "/shorts/", "/live/"):
        if parts.path.startswith(prefix):
            return parts.path.removeprefix(prefix).strip("/")
    return ""


def vimeo_id(parts):
    return parts.path.removeprefix("/video/").strip("/")


DEFAULT_PORTS = {"http": 80, "https": 443}


def address_parts(url):
    """The address split into its parts, or None where a browser might find another host in it.

    A browser reads a backslash as a slash, so the host of "https://evil.example\\@www.youtube.com/"
    is evil.example where Python finds www.youtube.com; a user name before an @, or a port of
    its own, only ever serve to disguise where a link goes. The video's link to its own site
    is the editor's address, so it must go where it seems to.
    """
    if "\\" in url:
        return None
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:  # not a number, or out of range
        return None
    if parts.scheme not in DEFAULT_PORTS or "@" in parts.netloc or port not in (None, DEFAULT_PORTS[parts.scheme]):
        return None
    return parts


def parse_video(url):
    """(provider name, player address) for a YouTube or Vimeo video address, or None for anything else."""
    parts = address_parts(url or "")
    if parts is None:
        return None
    host = (parts.hostname or "").lower()
    if host in YOUTUBE_HOSTS:
        video = youtube_id(parts)
        if YOUTUBE_ID.match(video):
            return "YouTube", f"https://www.youtube-nocookie.com/embed/{video}"
    if host in VIMEO_HOSTS:
        video = vimeo_id(parts)
        if VIMEO_ID.match(video):
            return "Vimeo", f"https://player.vimeo.com/video/{video}?dnt=1"
    return None


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label="Video address",
        help_text="The video's address on YouTube or Vimeo (e.g. https://www.youtube.com/watch?v=…). "
        "Videos from other sites cannot be shown.",
    )
    title = blocks.CharBlock(
        max_length=120, help_text="What the video is, e.g. 'Opening of the 2024 Global Summit'. Names the link."
    )

    class Meta:
        icon = "media"
        template = "news/blocks/video.html"

    def clean(self, value):
        if parse_video(value.get("url")) is None:
            raise StructBlockValidationError(
                {"url": ValidationError("Give the address of a single video on YouTube or Vimeo.")}
            )
        return super().clean(value)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["provider"], context["player_url"] = parse_video(value["url"]) or ("", "")
        return context


class ArticleBodyBlock(BodyBlock):
    video = VideoBlock()
