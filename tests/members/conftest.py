import pytest

from tests.factories.members import MembersDirectoryPageFactory


@pytest.fixture
def directory(home_page):
    return MembersDirectoryPageFactory(parent=home_page)
