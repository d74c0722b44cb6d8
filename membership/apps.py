from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "membership"

    def ready(self):
        from wagtail.signals import page_published

        from membership import emails  # noqa: F401 (sends the team's held notices once it has an address)

        page_published.connect(share_applications_state, dispatch_uid="membership-applications-state")


def share_applications_state(sender, instance, **kwargs):
    from membership.models import MembershipPage

    if isinstance(instance, MembershipPage) and instance.is_in_default_language():
        instance.share_applications_state()
