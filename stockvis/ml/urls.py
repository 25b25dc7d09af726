"""Routes of the predictions and the model registry (included under /api/v1/analysis/)."""

from django.urls import URLPattern, path

from stockvis.ml.views import ModelDetailView, ModelListView, PredictView

urlpatterns: list[URLPattern] = [
    path("predict/<str:symbol>/", PredictView.as_view(), name="predict"),
    path("models/", ModelListView.as_view(), name="ml-models"),
    path("models/<int:model_id>/", ModelDetailView.as_view(), name="ml-model"),
]
