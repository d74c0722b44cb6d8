"""The home page and the Alliance's general pages, in the project's own words."""

from home.models import HomePage
from website.content import ensure_site_root


def build_home():
    return ensure_site_root(
        HomePage,
        "home",
        title="Home",
        seo_title="WePROTECT Global Alliance to End Child Sexual Exploitation Online",
        hero_heading="Together we can end the sexual exploitation of children online",
        mission=(
            "The WePROTECT Global Alliance brings governments, technology companies, "
            "international bodies and civil society together to take national and global "
            "action against the sexual exploitation and abuse of children online."
        ),
    )
