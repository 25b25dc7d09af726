"""Thin API views: validate input, call one service or report, shape the output."""

# Every queryset starts from ``stockvis.portfolios.access``, so another user's id is a 404 exactly
# like an id that does not exist; ids in a request body go through the same functions.

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, QuerySet
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from stockvis.core.api import ErrorSerializer
from stockvis.core.pagination import OwnedListPagination
from stockvis.portfolios import access, reports, selectors, services
from stockvis.portfolios import serializers as s
from stockvis.portfolios.models import (
    Holding,
    Notification,
    Portfolio,
    PriceAlert,
    Transaction,
    Watchlist,
    WatchlistItem,
)
from stockvis.portfolios.valuation import BASE_CURRENCY_FORMULAS

TWR_DOC = """
Daily value history rebuilt from the ledger (a holdings-mode portfolio counts each holding as one
buy at its average price on `acquired_on`) and the stored daily closes, in the base currency at
each day's stored USD-KRW close (carried over days without one). One point per calendar day; a
day without a bar uses the last close. `pnl` is unrealised (value − cost of what is held), the
cost in the base currency at the rates of the buys' dates, as in the valuation.

Flows: a buy brings in `quantity × price + fee`, a sell takes out `quantity × price − fee`, a
dividend takes out `amount − fee`, a fee brings in `fee`; `CF_t` is the day's net flow.

**Simple return** = `(V_end − V_start − Σ CF) / (V_start + Σ max(CF, 0)) × 100`, the sums over
the days after the first.

**Time-weighted return**, flows at the close of their day:
`r_t = (V_t − CF_t) / V_{t−1} − 1` when `V_{t−1} > 0`; `r_t = V_t / CF_t − 1` when
`V_{t−1} = 0` and `CF_t > 0`; else `r_t = 0`.
`TWR = ((1 + r_1) × … × (1 + r_n) − 1) × 100`. It is independent of when and how much money was
added, so it measures the investments, while the simple return measures the investor's gain.
Percentages are rounded half-up to 2 decimals; money to the currency's minor unit.

Dates run from 1900-01-01 to today; at most 7,320 days (20 years) are answered, ending at `end`
(a longer explicit `start`–`end` range is a 400).
"""

VALUATION_DOC = """
Per holding and in total: market value, cost, unrealised P&L and %, realised P&L and %, dividends,
day change and %, and weight, in the asset's currency (`local`) and the portfolio's base currency
(`base`). Prices are the last stored close on or before the valuation date (`?date=`, default
today in your time zone); base-currency market values use the stored USD-KRW close of that date,
or of the last day before it with one (`fx`), while costs, realised P&L and dividends use the
close of each transaction's date (a holdings-mode holding: its `acquired_on`), i.e. what was
really paid. Realised P&L % is realised P&L over the cost of what was sold (average cost).
Holdings without prices yet (collection still running) are listed in `unpriced` and left out of
the totals. Money is rounded half-up to the currency's minor unit (USD 2 decimals, KRW 0),
percentages to 2 decimals; `synthetic: true` marks demo data. A transaction older than every
stored USD-KRW close is converted at the first one, and `fx.estimated_before` names its date
(null when every rate is stored). 409 when the stored data cannot value the portfolio (no
exchange rate yet).

"""
VALUATION_DOC += BASE_CURRENCY_FORMULAS


UNAVAILABLE = OpenApiResponse(
    ErrorSerializer, description="The stored data cannot value the portfolio (no exchange rate)."
)


def _today_for(request: Request) -> dt.date:
    try:
        zone = ZoneInfo(request.user.timezone)  # type: ignore[union-attr]
    except (KeyError, ValueError):
        zone = ZoneInfo("UTC")
    return timezone.localdate(timezone.now(), zone)


def _valid(serializer_class: type[BaseSerializer[Any]], data: Any) -> dict[str, Any]:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _query(request: Request) -> dict[str, str]:
    # A plain dict: DRF reads an empty value in a QueryDict as "not given", so `?date=` would be
    # today instead of the 400 it is.
    return request.query_params.dict()


def _portfolio_from_body(request: Request, data: dict[str, Any]) -> Portfolio:
    if data.get("portfolio") is None:
        return access.default_portfolio_for(request.user)
    return access.portfolio_for(request.user, data["portfolio"])


class OwnedViewSet(viewsets.GenericViewSet[Any]):
    permission_classes = (IsAuthenticated,)
    # A user's lists grow without bound (a ledger of years of transactions, every notification):
    # every list answers one page.
    pagination_class = OwnedListPagination
    lookup_value_regex = r"\d+"
    output_serializer: type[BaseSerializer[Any]]

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        return self.output_serializer

    def out(self, instance: Any, code: int = status.HTTP_200_OK) -> Response:
        return Response(self.output_serializer(instance).data, status=code)


@extend_schema_view(
    list=extend_schema(summary="Your portfolios"),
    retrieve=extend_schema(summary="One of your portfolios"),
    create=extend_schema(
        summary="Create a portfolio",
        description="Mode `holdings`: enter holdings directly. Mode `ledger`: record "
        "transactions and holdings follow. Base currency defaults to your profile's.",
        request=s.PortfolioInputSerializer,
        responses={201: s.PortfolioSerializer},
    ),
    partial_update=extend_schema(
        summary="Rename, change base currency, make default, or change mode while empty",
        request=s.PortfolioInputSerializer,
    ),
    update=extend_schema(
        summary="Replace a portfolio's settings", request=s.PortfolioInputSerializer
    ),
    destroy=extend_schema(summary="Delete a portfolio with its holdings and transactions"),
)
class PortfolioViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OwnedViewSet):
    output_serializer = s.PortfolioSerializer

    def get_queryset(self) -> QuerySet[Portfolio]:
        return access.owned_portfolios(self.request.user)

    def create(self, request: Request) -> Response:
        data = _valid(s.PortfolioInputSerializer, request.data)
        portfolio = services.portfolio_create(owner=request.user, **data)
        return self.out(portfolio, status.HTTP_201_CREATED)

    def update(self, request: Request, pk: str, partial: bool = False) -> Response:
        portfolio = self.get_object()
        serializer = s.PortfolioInputSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return self.out(
            services.portfolio_update(portfolio=portfolio, changes=serializer.validated_data)
        )

    def partial_update(self, request: Request, pk: str) -> Response:
        return self.update(request, pk, partial=True)

    def destroy(self, request: Request, pk: str) -> Response:
        services.portfolio_delete(portfolio=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Portfolio valuation",
        description=VALUATION_DOC,
        parameters=[s.DateQuerySerializer],
        responses={200: s.ValuationSerializer, 409: UNAVAILABLE},
    )
    @action(detail=True, methods=["get"])
    def valuation(self, request: Request, pk: str) -> HttpResponse:
        on = _valid(s.DateQuerySerializer, _query(request)).get("date") or _today_for(request)
        report = reports.portfolio_valuation(portfolio=self.get_object(), on=on)
        payload = reports.valuation_payload(report)
        if request.accepted_renderer.format == "json":
            # Encoded once, straight from Decimals and dates (DRF's renderer would need the
            # converted copy jsonable builds, then encode that with the json module).
            return HttpResponse(reports.encode(payload), content_type="application/json")
        return Response(reports.jsonable(payload))  # the browsable API

    @extend_schema(
        summary="Allocation by asset, category, market and currency",
        description="Base-currency market value per bucket and its share, largest first; "
        "valued as in the valuation endpoint.",
        parameters=[s.DateQuerySerializer],
        responses={200: s.AllocationSerializer, 409: UNAVAILABLE},
    )
    @action(detail=True, methods=["get"])
    def allocation(self, request: Request, pk: str) -> Response:
        on = _valid(s.DateQuerySerializer, _query(request)).get("date") or _today_for(request)
        report = reports.portfolio_valuation(portfolio=self.get_object(), on=on)
        return Response(reports.allocation_payload(report))

    @extend_schema(
        summary="Reconstructed daily history with simple and time-weighted return",
        description=TWR_DOC,
        parameters=[s.HistoryQuerySerializer],
        responses={200: s.HistorySerializer, 409: UNAVAILABLE},
    )
    @action(detail=True, methods=["get"])
    def history(self, request: Request, pk: str) -> Response:
        query = _valid(s.HistoryQuerySerializer, _query(request))
        payload = reports.portfolio_history(
            portfolio=self.get_object(),
            start=query.get("start"),
            end=query.get("end") or _today_for(request),
            max_days=s.HISTORY_MAX_DAYS,
        )
        return Response(payload)

    @extend_schema(
        summary="Stored snapshots of the portfolio's value",
        description="Taken every 5 minutes while a market the portfolio holds is open and once "
        "after each close; oldest first, at most 5,000.",
        parameters=[s.SnapshotQuerySerializer],
        responses={200: s.SnapshotSerializer(many=True)},
    )
    @action(detail=True, methods=["get"], pagination_class=None)  # bounded by 5,000, not paged
    def snapshots(self, request: Request, pk: str) -> Response:
        portfolio = self.get_object()
        since = _valid(s.SnapshotQuerySerializer, _query(request)).get("since")
        rows = access.owned_snapshots(request.user).filter(portfolio=portfolio)
        if since is not None:
            rows = rows.filter(taken_at__gte=since)
        return Response(s.SnapshotSerializer(rows.order_by("taken_at")[:5000], many=True).data)


_portfolio_param = s.PortfolioFilterSerializer


def _only_wanted_portfolio(request: Request, rows: QuerySet[Any]) -> QuerySet[Any]:
    wanted = _valid(s.PortfolioFilterSerializer, _query(request)).get("portfolio")
    if wanted is None:
        return rows
    return rows.filter(portfolio=access.portfolio_for(request.user, wanted))


@extend_schema_view(
    list=extend_schema(summary="Your holdings", parameters=[_portfolio_param]),
    retrieve=extend_schema(summary="One holding"),
    create=extend_schema(
        summary="Add a holding",
        description="Adds a symbol to a holdings-mode portfolio (your default one unless "
        "`portfolio` is given). A symbol with no data yet answers 201 at once and its "
        "collection starts in the background once the request commits; "
        "`/api/v1/users/portfolio/symbol/<symbol>/status/` shows its progress. A malformed or "
        "unknown symbol is a 400.",
        request=s.HoldingCreateSerializer,
        responses={201: s.HoldingSerializer},
    ),
    partial_update=extend_schema(summary="Edit a holding", request=s.HoldingUpdateSerializer),
    update=extend_schema(summary="Edit a holding", request=s.HoldingUpdateSerializer),
    destroy=extend_schema(summary="Remove a holding"),
)
class HoldingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OwnedViewSet):
    output_serializer = s.HoldingSerializer

    def get_queryset(self) -> QuerySet[Holding]:
        rows = access.owned_holdings(self.request.user)
        if self.action == "list":
            rows = _only_wanted_portfolio(self.request, rows)
        return rows

    def create(self, request: Request) -> Response:
        data = _valid(s.HoldingCreateSerializer, request.data)
        portfolio = _portfolio_from_body(request, data)
        data.pop("portfolio", None)
        holding = services.holding_create(portfolio=portfolio, **data)
        return self.out(holding, status.HTTP_201_CREATED)

    def update(self, request: Request, pk: str, partial: bool = True) -> Response:
        holding = self.get_object()
        changes = _valid(s.HoldingUpdateSerializer, request.data)
        return self.out(services.holding_update(holding=holding, changes=changes))

    def partial_update(self, request: Request, pk: str) -> Response:
        return self.update(request, pk)

    def destroy(self, request: Request, pk: str) -> Response:
        services.holding_delete(holding=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="Your transactions, oldest first", parameters=[_portfolio_param]),
    retrieve=extend_schema(summary="One transaction"),
    create=extend_schema(
        summary="Record a buy, sell, dividend or fee",
        description="Only in ledger-mode portfolios; holdings and realised P&L follow from the "
        "transactions (average cost). A sale of more than is held is a 400. A dividend's amount "
        "is `quantity × price`; a fee carries its amount in `fee` with quantity and price 0.",
        request=s.TransactionCreateSerializer,
        responses={201: s.TransactionSerializer},
    ),
    partial_update=extend_schema(
        summary="Correct a transaction", request=s.TransactionUpdateSerializer
    ),
    update=extend_schema(summary="Correct a transaction", request=s.TransactionUpdateSerializer),
    destroy=extend_schema(summary="Delete a transaction"),
)
class TransactionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OwnedViewSet):
    output_serializer = s.TransactionSerializer

    def get_queryset(self) -> QuerySet[Transaction]:
        rows = access.owned_transactions(self.request.user)
        if self.action == "list":
            rows = _only_wanted_portfolio(self.request, rows)
        return rows

    def create(self, request: Request) -> Response:
        data = _valid(s.TransactionCreateSerializer, request.data)
        portfolio = _portfolio_from_body(request, data)
        data.pop("portfolio", None)
        tx = services.transaction_record(portfolio=portfolio, **data)
        return self.out(tx, status.HTTP_201_CREATED)

    def update(self, request: Request, pk: str, partial: bool = True) -> Response:
        tx = self.get_object()
        changes = _valid(s.TransactionUpdateSerializer, request.data)
        return self.out(services.transaction_update(tx=tx, changes=changes))

    def partial_update(self, request: Request, pk: str) -> Response:
        return self.update(request, pk)

    def destroy(self, request: Request, pk: str) -> Response:
        services.transaction_delete(tx=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="Your watchlists with the latest price and change of each symbol"),
    retrieve=extend_schema(summary="One watchlist with latest prices"),
    create=extend_schema(
        summary="Create a watchlist",
        request=s.WatchlistInputSerializer,
        responses={201: s.WatchlistSerializer},
    ),
    partial_update=extend_schema(summary="Rename a watchlist", request=s.WatchlistInputSerializer),
    update=extend_schema(summary="Rename a watchlist", request=s.WatchlistInputSerializer),
    destroy=extend_schema(summary="Delete a watchlist"),
)
class WatchlistViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OwnedViewSet):
    output_serializer = s.WatchlistSerializer

    def get_queryset(self) -> QuerySet[Watchlist]:
        items = WatchlistItem.objects.select_related("asset")
        return access.owned_watchlists(self.request.user).prefetch_related(
            Prefetch("items", queryset=items)
        )

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        assets = [item.asset for item in access.owned_watchlist_items(self.request.user)]
        context["quotes"] = selectors.quotes_on(assets, _today_for(self.request))
        return context

    def out(self, instance: Any, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=instance.pk)
        return Response(self.get_serializer(fresh).data, status=code)

    def create(self, request: Request) -> Response:
        data = _valid(s.WatchlistInputSerializer, request.data)
        return self.out(services.watchlist_create(owner=request.user, **data), 201)

    def update(self, request: Request, pk: str, partial: bool = True) -> Response:
        watchlist = self.get_object()
        data = _valid(s.WatchlistInputSerializer, request.data)
        return self.out(services.watchlist_rename(watchlist=watchlist, **data))

    def partial_update(self, request: Request, pk: str) -> Response:
        return self.update(request, pk)

    def destroy(self, request: Request, pk: str) -> Response:
        self.get_object().delete()
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Add a symbol to a watchlist",
        description="A symbol with no data yet is added at once and collected in the "
        "background; adding a symbol twice is harmless. Malformed or unknown symbols are a 400.",
        request=s.SymbolInputSerializer,
        responses={201: s.WatchlistSerializer},
    )
    @action(detail=True, methods=["post"], url_path="items")
    def add_item(self, request: Request, pk: str) -> Response:
        watchlist = self.get_object()
        data = _valid(s.SymbolInputSerializer, request.data)
        services.watchlist_item_add(watchlist=watchlist, symbol=data["symbol"])
        return self.out(watchlist, status.HTTP_201_CREATED)

    @extend_schema(summary="Remove a symbol from a watchlist", responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"items/(?P<symbol>[^/]+)")
    def remove_item(self, request: Request, pk: str, symbol: str) -> Response:
        watchlist = self.get_object()
        if not services.watchlist_item_remove(watchlist=watchlist, symbol=symbol):
            from rest_framework.exceptions import NotFound

            raise NotFound(f"{symbol} is not in this watchlist")
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="Your price alerts"),
    retrieve=extend_schema(summary="One price alert"),
    create=extend_schema(
        summary="Create a price alert",
        description="Kinds: `price_above`/`price_below` (last close vs threshold), "
        "`change_up`/`change_down` (daily change % at or beyond ±threshold), "
        "`rsi_above`/`rsi_below` (RSI of `rsi_period` daily closes vs a level 0-100). Evaluated "
        "at once on the stored prices (a condition that already holds fires now) and then "
        "whenever new prices are stored. Edge-triggered: it fires once when its condition turns "
        "true (an in-app notification, a WebSocket push on /ws/portfolio/ and your Discord "
        "webhook if set), and re-arms when the condition is false again.",
        request=s.PriceAlertCreateSerializer,
        responses={201: s.PriceAlertSerializer},
    ),
    partial_update=extend_schema(
        summary="Edit, pause or resume an alert (a changed condition re-arms it)",
        request=s.PriceAlertUpdateSerializer,
    ),
    update=extend_schema(summary="Edit an alert", request=s.PriceAlertUpdateSerializer),
    destroy=extend_schema(summary="Delete an alert"),
)
class PriceAlertViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OwnedViewSet):
    output_serializer = s.PriceAlertSerializer

    def get_queryset(self) -> QuerySet[PriceAlert]:
        return access.owned_alerts(self.request.user)

    def create(self, request: Request) -> Response:
        data = _valid(s.PriceAlertCreateSerializer, request.data)
        return self.out(services.alert_create(owner=request.user, **data), 201)

    def update(self, request: Request, pk: str, partial: bool = True) -> Response:
        alert = self.get_object()
        changes = _valid(s.PriceAlertUpdateSerializer, request.data)
        return self.out(services.alert_update(alert=alert, changes=changes))

    def partial_update(self, request: Request, pk: str) -> Response:
        return self.update(request, pk)

    def destroy(self, request: Request, pk: str) -> Response:
        self.get_object().delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(
        summary="Your notifications, newest first",
        parameters=[s.UnreadQuerySerializer],
    ),
    retrieve=extend_schema(summary="One notification"),
    destroy=extend_schema(summary="Delete a notification"),
)
class NotificationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    OwnedViewSet,
):
    output_serializer = s.NotificationSerializer

    def get_queryset(self) -> QuerySet[Notification]:
        rows = access.owned_notifications(self.request.user)
        if self.action == "list" and _valid(s.UnreadQuerySerializer, _query(self.request)).get(
            "unread"
        ):
            rows = rows.filter(read_at__isnull=True)
        return rows

    @extend_schema(summary="Mark a notification read", request=None)
    @action(detail=True, methods=["post"])
    def read(self, request: Request, pk: str) -> Response:
        notification = services.notification_mark_read(
            notification=self.get_object(), now=timezone.now()
        )
        return self.out(notification)

    @extend_schema(
        summary="Mark all your notifications read",
        request=None,
        responses={200: s.MarkedReadSerializer},
    )
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request: Request) -> Response:
        marked = services.notifications_mark_all_read(owner=request.user, now=timezone.now())
        return Response({"marked": marked})
