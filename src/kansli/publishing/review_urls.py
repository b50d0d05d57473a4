"""The review queue of the privacy step (staff)."""

from django.urls import path

from . import review_views

app_name = "review"
urlpatterns = [
    path("", review_views.review_queue, name="queue"),
    path("<int:pk>/", review_views.review_detail, name="detail"),
]
