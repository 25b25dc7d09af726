"""Import of price bars read from a file (``import-prices``) as one job."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence

import pandas as pd
from django.db import transaction

from stockvis.collector.ingest import actions_write, daily_write
from stockvis.collector.jobs import AssetResult, JobReport, job_finish, job_start
from stockvis.collector.registration import RegistrationError, asset_add_by_user
from stockvis.core.logging import log_context
from stockvis.core.symbols import normalize_symbol
from stockvis.market.models import Asset
from stockvis.providers.base import CorporateActionRecord

logger = logging.getLogger(__name__)


class _NothingKept(Exception):
    """Every row was rejected: roll back what the import wrote (flags, a new registration)."""


def prices_import(
    *,
    frame: pd.DataFrame,
    symbol: str,
    source: str,
    warnings: Sequence[str] = (),
    describe: Mapping[str, str] | None = None,
    actions: Sequence[CorporateActionRecord] = (),
) -> JobReport:
    """Store bars read from a file as one job (``import-prices``), validated like any ingest,
    with the splits and dividends the file lists (Yahoo's ``Dividends``, ``Stock Splits``).

    An unknown symbol is registered from ``describe`` (what the user says: name, category,
    exchange, currency; the rest inferred, see ``asset_add_by_user``) in the same transaction,
    so a failed import registers nothing; without ``describe`` it fails. A file whose every row
    is rejected stores nothing and fails.
    """
    started = time.monotonic()
    canonical = normalize_symbol(symbol)
    job = job_start(job_name="import_prices", provider=source, parameters={"symbol": canonical})
    result = AssetResult(symbol=canonical, provider=source, warnings=list(warnings))
    with log_context(job_id=job.pk, job="import_prices", asset=canonical):
        asset = Asset.objects.filter(symbol=canonical).first()
        if asset is None and describe is None:
            result.fail(f"{canonical} is not registered; run `stockvis assets add {canonical}`")
        else:
            try:
                with transaction.atomic():
                    # New, or added by a user before any provider described it (unresolved):
                    # the file and what the user says about it resolve it.
                    if asset is None or (describe is not None and not asset.preferred_source):
                        registered = asset_add_by_user(
                            symbol=canonical, source="csv", **dict(describe or {})
                        )
                        asset = registered.asset
                        result.notes.append(
                            f"registered {canonical} as {asset.name} ({asset.category}, "
                            f"{asset.exchange}, {asset.currency})"
                        )
                        result.notes += [f"assumed {phrase}" for phrase in registered.assumed]
                    if actions:
                        actions_write(asset=asset, records=actions, source=source, result=result)
                    daily_write(asset=asset, frame=frame, source=source, job=job, result=result)
                    if result.rejected and not result.counts["daily"].total:
                        raise _NothingKept
                if result.rejected:
                    result.status = "partial"
            except _NothingKept:
                result.rolled_back()
                result.fail(
                    f"every row was rejected ({result.rejected}); nothing was stored"
                    + ("" if Asset.objects.filter(symbol=canonical).exists() else " or registered")
                )
            except RegistrationError as exc:
                result.fail(f"cannot register {canonical}: {exc}")
            except Exception as exc:
                logger.exception("importing %s failed", canonical)
                result.rolled_back()
                result.fail(f"{type(exc).__name__}: {exc}")
        job_finish(job, [result])
    return JobReport(job=job, results=[result], elapsed=time.monotonic() - started)
