import pytest

from tests.factories.resources import (
    CapabilityAreaPageFactory,
    CapabilityPageFactory,
    MnrFrameworkPageFactory,
    ResourceIndexPageFactory,
)


@pytest.fixture
def framework(home_page):
    return MnrFrameworkPageFactory(parent=home_page)


@pytest.fixture
def capability(framework):
    area = CapabilityAreaPageFactory(parent=framework, slug="criminal-justice", title="Criminal Justice")
    return CapabilityPageFactory(
        parent=area, slug="dedicated-law-enforcement", number=4, title="Dedicated law enforcement"
    )


@pytest.fixture
def library(home_page):
    return ResourceIndexPageFactory(parent=home_page)
