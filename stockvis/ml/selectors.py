"""Reads of the model registry and of stored predictions."""

from __future__ import annotations

from django.db.models import Max, QuerySet

from stockvis.market.models import Asset
from stockvis.ml.models import ModelPrediction, ModelStatus, PredictionModel


def latest_model(asset: Asset, model_type: str, horizon: int) -> PredictionModel | None:
    """The newest trained version, whatever its status (its report is the latest evidence)."""
    return (
        PredictionModel.objects.filter(asset=asset, model_type=model_type, horizon=horizon)
        .order_by("-version")
        .first()
    )


def active_model(asset: Asset, model_type: str, horizon: int) -> PredictionModel | None:
    return (
        PredictionModel.objects.filter(
            asset=asset, model_type=model_type, horizon=horizon, status=ModelStatus.ACTIVE
        )
        .order_by("-version")
        .first()
    )


def next_version(asset: Asset, model_type: str, horizon: int) -> int:
    found = PredictionModel.objects.filter(
        asset=asset, model_type=model_type, horizon=horizon
    ).aggregate(Max("version"))["version__max"]
    return (found or 0) + 1


def registry(
    *, symbol: str | None = None, model_type: str | None = None, status: str | None = None
) -> QuerySet[PredictionModel]:
    rows = PredictionModel.objects.select_related("asset").order_by(
        "asset__symbol", "model_type", "horizon", "-version"
    )
    if symbol:
        rows = rows.filter(asset__symbol=symbol)
    if model_type:
        rows = rows.filter(model_type=model_type)
    if status:
        rows = rows.filter(status=status)
    return rows


def unrealised_predictions() -> QuerySet[ModelPrediction]:
    return ModelPrediction.objects.filter(realised__isnull=True).select_related("asset")


def realised_predictions(model: PredictionModel) -> QuerySet[ModelPrediction]:
    return ModelPrediction.objects.filter(model=model, realised__isnull=False).order_by("as_of")
