"""The "Membership team" group: may use the admin and view, add, correct, export and erase
entries in the register, and add members to the directory as drafts (editors publish them).

Used by the data migration that creates the group (with historical models) and by
anything that must make sure it exists.
"""

TEAM_NAME = "Membership team"
REGISTER_PERMISSIONS = [
    ("membership", "view_membershipenquiry"),
    ("membership", "add_membershipenquiry"),
    ("membership", "change_membershipenquiry"),
    ("membership", "delete_membershipenquiry"),
    ("membership", "export_membershipenquiry"),
    ("wagtailadmin", "access_admin"),
]
# Granted by the members app's own migration, once its model exists: not "publish".
DIRECTORY_PERMISSIONS = [
    ("members", "add_member"),
    ("members", "change_member"),
]
TEAM_PERMISSIONS = REGISTER_PERMISSIONS + DIRECTORY_PERMISSIONS


def ensure_membership_team(group_model, permission_model, permissions=TEAM_PERMISSIONS):
    """The group with these permissions (a migration passes those its apps have by then)."""
    group, _ = group_model.objects.get_or_create(name=TEAM_NAME)
    for app_label, codename in permissions:
        group.permissions.add(permission_model.objects.get(content_type__app_label=app_label, codename=codename))
    return group
