"""The site-wide hooks: each page only in its own language, the launch checklist on the
admin's dashboard for superusers, and who approves their changes for everyone else."""

from django.http import Http404
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import page_permission_policy

from website.languages import active_locale_id
from website.launch import tasks_to_do
from website.moderation import approvers, approving_groups, group_names, person


@hooks.register("before_serve_page")
def serve_only_in_its_own_language(page, request, serve_args, serve_kwargs):
    """/es/… shows a Spanish page or none. Where a page has no Spanish translation, Wagtail
    would serve the English page at the Spanish address: a second copy under the wrong language.
    So would an alias, which Wagtail makes of an untranslated parent when a page below it is
    translated: it keeps the English text."""
    if page.locale_id != active_locale_id() or page.alias_of_id:
        raise Http404("The page has no translation in this language.")


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


class ApprovalsPanel(Component):
    """Who approves what an editor submits for moderation, so nobody waits without knowing on whom."""

    name = "approvals"
    template_name = "website/admin/approvals.html"
    order = 45  # after the launch checklist, before the membership team's panel

    def get_context_data(self, parent_context=None):
        return {
            "groups": group_names(approving_groups()),
            "approvers": [person(user) for user in approvers()],
        }


@hooks.register("construct_homepage_panels")
def add_approvals(request, panels):
    # For those who edit pages. Superusers approve everything themselves; their checklist
    # says when no one else can.
    user = request.user
    edits_pages = page_permission_policy.user_has_any_permission(user, ["add", "change"])
    if edits_pages and not user.is_superuser and approving_groups().exists():
        panels.append(ApprovalsPanel())
