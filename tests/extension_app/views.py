from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import Note


def index(request: HttpRequest) -> HttpResponse:
    notes = Note.objects.filter(public=True)
    return render(request, "extension_app/index.html", {"notes": notes, "nav": "extension"})
