"""The staff-only collection API: job runs with their results, the freshness table, flags."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from stockvis.accounts.models import User
from stockvis.collector.models import DataQualityFlag, JobRun, JobStatus
from stockvis.market.models import Asset

pytestmark = pytest.mark.django_db


def _client(*, staff: bool) -> APIClient:
    user = User.objects.create_user(username="staff" if staff else "plain", password="x" * 20)
    user.is_staff = staff
    user.save()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
    return client


@pytest.fixture
def staff() -> APIClient:
    return _client(staff=True)


@pytest.fixture
def asset(db: Any) -> Asset:
    return Asset.objects.create(
        symbol="AAPL", name="Apple", category="stock", market="US", exchange="XNYS", currency="USD"
    )


def test_non_staff_users_and_anonymous_are_refused_everywhere(db: Any) -> None:
    plain = _client(staff=False)
    for url in ("jobs/", "quality-flags/", "freshness/"):
        assert plain.get(f"/api/v1/collector/{url}").status_code == 403
        assert APIClient().get(f"/api/v1/collector/{url}").status_code == 401


def test_job_list_is_paged_newest_first_and_the_detail_carries_per_asset_results(
    staff: APIClient,
) -> None:
    old = JobRun.objects.create(
        job_name="collect", status=JobStatus.SUCCESS, results={"AAPL": {"rows": 5}}
    )
    old.started_at -= dt.timedelta(hours=1)
    old.save()
    new = JobRun.objects.create(
        job_name="healthcheck",
        status=JobStatus.PARTIAL_FAILURE,
        results={"AAPL": {"status": "OK"}, "MSFT": {"status": "STALE"}},
    )
    page = staff.get("/api/v1/collector/jobs/").json()
    assert page["count"] == 2
    assert [r["id"] for r in page["results"]] == [new.pk, old.pk]
    assert page["results"][0]["asset_count"] == 2
    assert "results" not in page["results"][0]
    detail = staff.get(f"/api/v1/collector/jobs/{new.pk}/").json()
    assert detail["results"]["MSFT"] == {"status": "STALE"}
    only = staff.get("/api/v1/collector/jobs/?status=success").json()
    assert [r["id"] for r in only["results"]] == [old.pk]


def test_an_unknown_status_filter_is_a_400_naming_the_allowed_values(staff: APIClient) -> None:
    response = staff.get("/api/v1/collector/jobs/?status=great")
    assert response.status_code == 400
    assert "partial_failure" in str(response.json())


def test_quality_flags_list_with_symbol_and_kind_filters(staff: APIClient, asset: Asset) -> None:
    DataQualityFlag.objects.create(asset=asset, date=dt.date(2026, 3, 2), kind="gap", detail="2d")
    DataQualityFlag.objects.create(asset=asset, date=dt.date(2026, 3, 3), kind="spike", detail="x")
    rows = staff.get("/api/v1/collector/quality-flags/?symbol=aapl&kind=spike").json()["results"]
    assert [(r["symbol"], r["kind"], r["date"]) for r in rows] == [("AAPL", "spike", "2026-03-03")]


def test_freshness_reports_an_asset_without_bars_as_stale(staff: APIClient, asset: Asset) -> None:
    rows = staff.get("/api/v1/collector/freshness/").json()
    assert rows == [
        {
            "symbol": "AAPL",
            "exchange": "XNYS",
            "latest": None,
            "expected": rows[0]["expected"],
            "status": "STALE",
            "detail": "no daily bars stored",
        }
    ]
    assert rows[0]["expected"] is not None
