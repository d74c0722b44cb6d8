"""Who approves an editor's changes.

Editors cannot publish: what they submit goes through Wagtail's approval workflow, whose task
("Moderators approval", as Wagtail sets it up) names the groups that approve. Superusers can
approve everything too, so while those groups are empty every change waits for a superuser.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse


def approving_groups():
    """The groups of the approval tasks in the workflows in use: Moderators, unless changed."""
    return Group.objects.filter(
        groupapprovaltask__active=True, groupapprovaltask__workflow_tasks__workflow__active=True
    ).distinct()


def approvers():
    """Everyone besides the superusers who can approve a change: the active members of those groups."""
    users = get_user_model().objects.filter(is_active=True, groups__in=approving_groups())
    return users.distinct().order_by("first_name", "last_name", "username")


def members_link(group):
    """The admin's list of the group's members: each one's account gives the group under Roles."""
    return f"{reverse('wagtailusers_users:index')}?group={group.pk}"


def group_names(groups):
    return " and ".join(group.name for group in groups)


def person(user):
    return user.get_full_name() or user.get_username()
