"""Known splits of many assets at once: what share counts and day-over-day changes need.

One query for any number of assets (portfolio valuation, latest quotes); a split that the bars'
own source already reflects (``in_prices``) is left out, as in ``corporate_actions``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from stockvis.market.adjustment import CorporateEvent, split_ratio_between
from stockvis.market.models import Asset, CorporateAction, CorporateActionKind


@dataclass(frozen=True)
class SplitBook:
    """Split events per asset id, one per ex-date."""

    events: Mapping[int, list[CorporateEvent]] = field(default_factory=dict)

    @classmethod
    def for_assets(
        cls, assets: Iterable[Asset], *, bars_sources: Mapping[int, str] | None = None
    ) -> SplitBook:
        """Splits of ``assets``; ``bars_sources`` (asset id → source of the bars read) defaults
        to each asset's preferred source."""
        by_id = {asset.pk: asset for asset in assets}
        if not by_id:
            return cls()
        sources = {pk: asset.preferred_source for pk, asset in by_id.items()}
        sources.update(bars_sources or {})
        rows = CorporateAction.objects.filter(
            asset_id__in=list(by_id), kind=CorporateActionKind.SPLIT, ratio__isnull=False
        ).values_list("asset_id", "ex_date", "ratio", "source", "in_prices")
        chosen: dict[tuple[int, dt.date], tuple[tuple[bool, str], float | None]] = {}
        for asset_id, ex_date, stored_ratio, source, in_prices in rows:
            own = source == sources.get(asset_id)
            rank = (not own, source)
            key = (asset_id, ex_date)
            if key not in chosen or rank < chosen[key][0]:
                value = None if own and in_prices else float(stored_ratio or 0)
                chosen[key] = (rank, value)
        events: dict[int, list[CorporateEvent]] = defaultdict(list)
        for (asset_id, ex_date), (_, ratio) in sorted(chosen.items()):
            if ratio:
                events[asset_id].append(CorporateEvent(ex_date, "split", ratio))
        return cls(dict(events))

    def ratio(self, asset_id: int, after: dt.date, up_to: dt.date) -> float:
        """Shares on ``up_to`` per share held at the end of ``after`` (1 without a split)."""
        return split_ratio_between(self.events.get(asset_id, ()), after, up_to)

    def by_symbol(self, assets: Iterable[Asset]) -> dict[str, list[CorporateEvent]]:
        return {a.symbol: self.events[a.pk] for a in assets if self.events.get(a.pk)}
