"""The "Membership team" group: may use the admin and view, add, correct, export and erase
entries in the register.

Used by the data migration that creates the group (with historical models) and by
anything that must make sure it exists.
"""

TEAM_NAME = "Membership team"
TEAM_PERMISSIONS = [
    ("membership", "view_membershipenquiry"),
    ("membership", "add_membershipenquiry"),
    ("membership", "change_membershipenquiry"),
    ("membership", "delete_membershipenquiry"),
    ("membership", "export_membershipenquiry"),
    ("wagtailadmin", "access_admin"),
]


def ensure_membership_team(group_model, permission_model):
    group, _ = group_model.objects.get_or_create(name=TEAM_NAME)
    for app_label, codename in TEAM_PERMISSIONS:
        group.permissions.add(permission_model.objects.get(content_type__app_label=app_label, codename=codename))
    return group
