"""The site-wide parts of the admin: the launch checklist on the dashboard, for superusers only."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from website.launch import tasks_to_do


class LaunchChecklistPanel(Component):
    """What is still a default before the site goes live, each with where to put it right."""

    name = "launch_checklist"
    template_name = "website/admin/launch_checklist.html"
    order = 40  # first: before the membership team's panel (50) and Wagtail's own (100 and more)

    def __init__(self, tasks):
        self.tasks = tasks

    def get_context_data(self, parent_context=None):
        return {"tasks": self.tasks}


@hooks.register("construct_homepage_panels")
def add_launch_checklist(request, panels):
    # Only superusers can change the settings and the server, so only they are asked to.
    if not request.user.is_superuser:
        return
    tasks = tasks_to_do()
    if tasks:
        panels.append(LaunchChecklistPanel(tasks))
