from django.http import HttpRequest

from . import roles


def kansli(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    return {
        "viewer_roles": roles.roles_of(user),
        "viewer_is_staff": roles.is_staff_member(user),
        "viewer_can_register": roles.can_register_cases(user),
        "viewer_can_manage_meetings": roles.can_manage_meetings(user),
        "viewer_can_manage_people": roles.can_manage_people(user),
    }
