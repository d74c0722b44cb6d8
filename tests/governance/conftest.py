import pytest

from tests.factories.governance import BoardPageFactory
from tests.factories.home import StandardPageFactory


@pytest.fixture
def board_page(home_page):
    about = StandardPageFactory(parent=home_page, slug="about")
    return BoardPageFactory(parent=about)
