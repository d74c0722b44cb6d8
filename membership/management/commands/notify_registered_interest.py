"""Once the pause is lifted: e-mail everyone who registered interest and has not been told."""

from django.core.management.base import BaseCommand, CommandError

from membership.reopening import notify_registered_interest


class Command(BaseCommand):
    help = "E-mail every registration of interest not yet told that applications are open (never twice)."

    def handle(self, *args, **options):
        try:
            told = notify_registered_interest()
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Told {told} organisations that applications are open.")
