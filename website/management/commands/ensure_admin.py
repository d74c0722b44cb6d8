"""Make sure someone can log in to the admin on a developer's machine.

If no superuser exists, one called `admin` is created with the password from
DJANGO_SUPERUSER_PASSWORD, or a random one printed once. An existing login is never
changed.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an 'admin' superuser if there is none (password from DJANGO_SUPERUSER_PASSWORD or generated)."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("Admin login: use the superuser you already have.")
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.org", password)
        if os.environ.get("DJANGO_SUPERUSER_PASSWORD"):
            self.stdout.write("Admin login: user 'admin' with the password in DJANGO_SUPERUSER_PASSWORD.")
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Admin login: user 'admin', password {password}  (shown once; change it in the admin)."
                )
            )
