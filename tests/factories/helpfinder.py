import factory
import wagtail_factories

from helpfinder.models import HelpFinderPage, Service, ServiceKind


class HelpFinderPageFactory(wagtail_factories.PageFactory):
    title = "How to report abuse"
    slug = "how-to-report-abuse"
    introduction = "Where to report abuse and get help, country by country."

    class Meta:
        model = HelpFinderPage


class ServiceFactory(factory.django.DjangoModelFactory):
    country = "KE"
    kind = ServiceKind.HELPLINE
    organisation = factory.Sequence(lambda n: f"Organisation {n}")
    name = factory.Sequence(lambda n: f"Service {n}")
    url = "https://www.example.org/report"
    phone = "116"
    languages = "en, sw"

    class Meta:
        model = Service
