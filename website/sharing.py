"""The default picture shown when a page is shared on social media, made from the logo and name.

Open Graph needs an image on every page. Until the comms team uploads one of their own (site
settings), the site makes a plain card at the size the networks crop to, so no page is shared
without a picture and no stock photograph stands in for the Alliance.
"""

from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont

from website.models import CustomImage

# A stand-in: the launch checklist (website/launch.py) asks for the Alliance's own image while this one is used.
GENERATED_SOCIAL_IMAGE_TITLE = "WePROTECT Global Alliance sharing image (generated)"
SIZE = (1200, 630)
BRAND = "#12306b"
PAPER = "#ffffff"
ACCENT = "#9fd8d2"  # the teal lightened to a 7:1 contrast on the brand blue
LOGO = Path(settings.BASE_DIR) / "static" / "img" / "logo.png"
NAME = ("WePROTECT", "Global Alliance")
TAGLINE = "To end child sexual exploitation online"
DESCRIPTION = "The WePROTECT Global Alliance shield logo and name, on dark blue"


def draw_social_card():
    """PNG bytes of the card: the logo on the left, the name and what the Alliance is for beside it."""
    card = Image.new("RGB", SIZE, BRAND)
    logo = Image.open(LOGO).convert("RGBA").resize((300, 300), Image.Resampling.LANCZOS)
    card.paste(logo, (110, 165), logo)
    draw = ImageDraw.Draw(card)
    # Pillow's own scalable font: the card looks the same on every machine, whatever fonts it has.
    draw.text((470, 190), NAME[0], font=ImageFont.load_default(96), fill=PAPER)
    draw.text((470, 300), NAME[1], font=ImageFont.load_default(64), fill=PAPER)
    draw.text((470, 400), TAGLINE, font=ImageFont.load_default(34), fill=ACCENT)
    output = BytesIO()
    card.save(output, format="PNG", optimize=True)
    return output.getvalue()


def ensure_default_social_image(site_settings):
    """Give the site its generated card if it has no sharing image yet; never replace an editor's."""
    if site_settings.default_social_image_id:
        return site_settings.default_social_image
    image = CustomImage.objects.filter(title=GENERATED_SOCIAL_IMAGE_TITLE).first()
    if image is None:
        image = CustomImage(title=GENERATED_SOCIAL_IMAGE_TITLE, description=DESCRIPTION)
        image.file = ImageFile(BytesIO(draw_social_card()), name="sharing-card.png")
        image.save()
    site_settings.default_social_image = image
    site_settings.save(update_fields=["default_social_image"])
    return image
