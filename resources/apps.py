from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"

    def ready(self):
        from resources import mnr_pdf

        mnr_pdf.connect()
