from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Website"

    def ready(self):
        from website import address, plain_text, signals, spreadsheets  # noqa: F401 (address registers its system checks)

        signals.connect()
        spreadsheets.guard_every_export()
        plain_text.admin_form_fields()
