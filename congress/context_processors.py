"""Template context shared by every page: the current congress and the user's standing in it."""


def congress_nav(request):
    return {
        "congress": getattr(request, "congress", None),
        "access": getattr(request, "access", None),
    }
