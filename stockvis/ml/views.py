"""Prediction, registry and portfolio-risk endpoints: validate, call one service, encode once."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.views import APIView

from stockvis.core.api import ErrorSerializer, fast_json
from stockvis.core.symbols import InvalidSymbol, normalize_symbol, path_symbol
from stockvis.market.models import Asset
from stockvis.ml import selectors
from stockvis.ml import serializers as s
from stockvis.ml.estimators import ModelType
from stockvis.ml.models import PredictionModel
from stockvis.ml.portfolio import portfolio_risk
from stockvis.ml.predicting import prediction_cached
from stockvis.portfolios import access

PREDICT_DOC = (
    "A prediction for `symbol` over `horizon` trading sessions. A model is served only when it "
    "beat its best baseline out of sample in an expanding-window walk-forward (purged and "
    "embargoed by the horizon) with a significant one-sided Diebold–Mariano test; otherwise the "
    "baseline's forecast is served and `served.message` says that no model beat it. "
    "`backtest` shows the served model's walk-forward metrics beside the baseline's. Intervals "
    "are split-conformal (80 % and 95 %). Every served prediction is stored and later compared "
    "with what happened. Cached until the symbol's next bar. 422 when the history is too short "
    "(the message says how many bars are needed)."
)


def _asset(symbol: str) -> Asset:
    try:
        canonical = path_symbol(symbol)
    except InvalidSymbol as exc:
        raise ValidationError({"symbol": [str(exc)]}) from None
    try:
        return Asset.objects.by_symbol(canonical)
    except Asset.DoesNotExist:
        raise NotFound(f"unknown symbol {canonical}") from None


def _valid(serializer: type[Any], data: Any) -> dict[str, Any]:
    found = serializer(data=data)
    found.is_valid(raise_exception=True)
    return dict(found.validated_data)


class PredictView(APIView):
    @extend_schema(
        operation_id="analysis_predict",
        summary="Price, trend or risk prediction of a symbol, backtested against baselines",
        description=PREDICT_DOC,
        parameters=[
            s.PredictQuerySerializer,
            OpenApiParameter("symbol", str, OpenApiParameter.PATH, description="Any case."),
        ],
        responses={
            200: s.PredictionSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Bad model_type or horizon."),
            404: OpenApiResponse(ErrorSerializer, description="Unknown symbol."),
            422: OpenApiResponse(ErrorSerializer, description="Too little history."),
        },
        tags=["predictions"],
    )
    def get(self, request: Request, symbol: str) -> HttpResponse:
        query = _valid(s.PredictQuerySerializer, request.query_params.dict())
        asset = _asset(symbol)
        payload = prediction_cached(
            asset=asset,
            model_type=ModelType(query["model_type"]),
            horizon=1 if query["model_type"] == ModelType.RISK else int(query["horizon"]),
            now=timezone.now(),
        )
        return fast_json(payload)


class ModelListView(APIView):
    @extend_schema(
        operation_id="analysis_models",
        summary="The model registry",
        description="Every trained model version (newest first per asset, type and horizon) "
        "with its status (`active` ones are served), its metrics and its baseline's. "
        "Filter with `symbol`, `model_type`, `status`; at most 500 rows.",
        parameters=[s.ModelListQuerySerializer],
        responses={200: s.ModelSummarySerializer(many=True), 400: ErrorSerializer},
        tags=["predictions"],
    )
    def get(self, request: Request) -> HttpResponse:
        query = _valid(s.ModelListQuerySerializer, request.query_params.dict())
        symbol = query.get("symbol")
        if symbol:
            try:
                symbol = normalize_symbol(symbol)
            except InvalidSymbol:
                raise NotFound(f"unknown symbol {symbol}") from None
        rows = selectors.registry(
            symbol=symbol, model_type=query.get("model_type"), status=query.get("status")
        )[:500]
        return fast_json(s.ModelSummarySerializer(rows, many=True).data)


class ModelDetailView(APIView):
    @extend_schema(
        operation_id="analysis_model",
        summary="One model version with its full backtest report",
        responses={200: s.ModelDetailSerializer, 404: ErrorSerializer},
        tags=["predictions"],
    )
    def get(self, request: Request, model_id: int) -> HttpResponse:
        model = PredictionModel.objects.select_related("asset").filter(pk=model_id).first()
        if model is None:
            raise NotFound("model not found")
        return fast_json(s.ModelDetailSerializer(model).data)


class PortfolioRiskView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(
        operation_id="portfolio_risk",
        summary="Portfolio VaR and expected shortfall with each holding's contribution",
        description="1-day VaR and ES at 95 % and 99 % of today's positions in the portfolio's "
        "base currency (parametric with correlations and FX, and historical simulation), each "
        "holding's Euler contribution, and each holding's trend (20 sessions) and risk label. "
        "Yours only: another user's portfolio is a 404.",
        responses={200: s.PortfolioRiskSerializer, 401: ErrorSerializer, 404: ErrorSerializer},
        tags=["portfolios"],
    )
    def get(self, request: Request, portfolio_id: str) -> HttpResponse:
        portfolio = access.portfolio_for(request.user, portfolio_id)
        now = timezone.now()
        payload = portfolio_risk(portfolio=portfolio, on=timezone.localdate(now), now=now)
        return fast_json(payload)
