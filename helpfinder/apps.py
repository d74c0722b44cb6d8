from django.apps import AppConfig


class HelpFinderConfig(AppConfig):
    name = "helpfinder"
    verbose_name = "Help finder"

    def ready(self):
        from helpfinder import signals  # noqa: F401
