from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = (
        str(exception)
        if exception and str(exception)
        else ("Du har inte behörighet till den här sidan.")
    )
    return render(request, "403.html", {"message": message}, status=403)
