import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    hero_heading = "Ending the sexual exploitation of children online"
    mission = "Governments, companies and civil society acting together to protect children online."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "About the Alliance"
    introduction = "Who we are and how we work."
    show_in_menus = True

    class Meta:
        model = StandardPage
