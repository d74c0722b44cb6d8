"""Make sure someone can log in to the admin on a developer's machine.

If no superuser exists, one called `admin` is created with the password from
DJANGO_SUPERUSER_PASSWORD, or a random one printed once. An existing login is never
changed. It then says who approves editors' changes: while no one is in Moderators, only a
superuser can.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from website.moderation import approvers, approving_groups, group_names, members_link, person


class Command(BaseCommand):
    help = "Create an 'admin' superuser if there is none (password from DJANGO_SUPERUSER_PASSWORD or generated)."

    def handle(self, *args, **options):
        self.ensure_superuser()
        self.say_who_approves()

    def ensure_superuser(self):
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

    def say_who_approves(self):
        groups = list(approving_groups())
        if not groups:
            return
        names, people = group_names(groups), [person(user) for user in approvers()]
        if people:
            self.stdout.write(f"Approvals: {names} approve editors' changes: {', '.join(people)}.")
            return
        link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + members_link(groups[0])
        self.stdout.write(
            self.style.WARNING(
                f"Approvals: no one is in {names}, so editors' changes wait for a superuser to approve them. "
                f"Give the approvers the group (each one's account, under Roles): {link}"
            )
        )
