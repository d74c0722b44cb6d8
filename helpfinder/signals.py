from django.db.models.signals import post_delete
from django.dispatch import receiver

from helpfinder.models import RemovedService, Service


@receiver(post_delete, sender=Service)
def remember_removed_service(sender, instance, **kwargs):
    """A loaded service an editor deletes stays deleted when the list is loaded again."""
    if instance.seed_key:
        RemovedService.objects.get_or_create(seed_key=instance.seed_key)
