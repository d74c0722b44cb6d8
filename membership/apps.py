from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "membership"

    def ready(self):
        from membership import emails  # noqa: F401 (sends the team's held notices once it has an address)
