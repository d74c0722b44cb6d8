"""Load the project's list of reporting and support services, keeping every editor's change."""

from django.core.management.base import BaseCommand

from helpfinder.loader import DEFAULT_LIST, load_services


class Command(BaseCommand):
    help = (
        "Load the reporting and support services from the project's list (helpfinder/services.csv) or another "
        "list in the same columns. Fields an editor changed keep the editor's value; deleted services stay deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=DEFAULT_LIST, help="The list to load (CSV).")

    def handle(self, *args, path, **options):
        self.stdout.write(str(load_services(path)))
