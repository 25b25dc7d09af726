"""Price alerts fire once when their condition turns true, and notify in-app, by WS and Discord."""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from typing import Any

import httpx
import pytest
import respx
from rest_framework.test import APIClient

from stockvis.accounts.models import User
from stockvis.market.signals import prices_changed
from stockvis.portfolios import alerts, services, tasks
from stockvis.portfolios.models import Notification, PriceAlert
from stockvis.realtime import quotes
from stockvis.realtime.messages import LiveQuote

from .conftest import add_closes

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 9, 22, tzinfo=dt.UTC)
WEBHOOK = "https://discord.com/api/webhooks/1/secret"


@pytest.fixture
def pushed(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    monkeypatch.setattr(
        "stockvis.realtime.broadcast.send_user_event", lambda **kwargs: events.append(kwargs)
    )
    return events


@pytest.fixture
def discord_queued(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    queued: list[int] = []
    monkeypatch.setattr(
        tasks.deliver_discord_notification,
        "delay",
        lambda notification_id: queued.append(notification_id),
    )
    return queued


def close_on(day: int, close: float) -> None:
    add_closes("AAPL", {dt.date(2026, 3, day): close})


def evaluate(capture: Any) -> list[Notification]:
    with capture(execute=True):
        return services.alerts_evaluate(symbols=["AAPL"], now=NOW)


def create(capture: Any, owner: User, kind: str, threshold: int) -> list[Notification]:
    """Create an AAPL alert (delivering what it fires) and return its notifications."""
    with capture(execute=True):
        alert = services.alert_create(
            owner=owner, symbol="AAPL", kind=kind, threshold=Decimal(threshold), now=NOW
        )
    return list(Notification.objects.filter(alert=alert))


def test_a_price_alert_fires_once_then_rearms_when_the_condition_is_false_again(
    alice: User,
    pushed: list[dict[str, Any]],
    discord_queued: list[int],
    django_capture_on_commit_callbacks: Any,
) -> None:
    close_on(2, 190)
    alert = services.alert_create(
        owner=alice, symbol="AAPL", kind="price_above", threshold=Decimal(195)
    )
    assert evaluate(django_capture_on_commit_callbacks) == []
    close_on(3, 200)
    fired = evaluate(django_capture_on_commit_callbacks)
    assert len(fired) == 1
    assert evaluate(django_capture_on_commit_callbacks) == []  # still above: no second notification
    close_on(4, 196)
    assert evaluate(django_capture_on_commit_callbacks) == []
    close_on(5, 180)
    assert evaluate(django_capture_on_commit_callbacks) == []  # re-armed
    close_on(6, 210)
    assert len(evaluate(django_capture_on_commit_callbacks)) == 1
    alert.refresh_from_db()
    assert (alert.trigger_count, alert.condition_met, alert.last_value) == (2, True, 210)
    assert Notification.objects.filter(owner=alice).count() == 2
    assert [event["kind"] for event in pushed] == ["notification", "notification"]
    assert pushed[0]["user_id"] == alice.pk
    assert discord_queued == []  # alice has no webhook


def test_while_the_market_trades_every_evaluation_reads_the_feeds_price_not_a_stored_close(
    alice: User, pushed: Any, discord_queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """Found by the soak test: a backfill of older bars evaluated the alerts on a stored close
    3 % away from the live price, fired one there, and the feed fired it again on its next tick."""
    trading = dt.datetime(2026, 3, 9, 15, tzinfo=dt.UTC)  # Monday 11:00 in New York
    close_on(6, 200)  # the last stored close: above the threshold
    quotes.quotes_store(
        [
            LiveQuote(
                symbol="AAPL",
                price=190.0,  # the feed's price this session: below it
                previous_close=200.0,
                volume=1.0,
                timestamp=trading - dt.timedelta(seconds=30),
                source="alphavantage",
                synthetic=False,
            )
        ]
    )
    with django_capture_on_commit_callbacks(execute=True):
        alert = services.alert_create(
            owner=alice, symbol="AAPL", kind="price_above", threshold=Decimal(195), now=trading
        )
        assert services.alerts_evaluate(symbols=["AAPL"], now=trading) == []  # after an ingest
    alert.refresh_from_db()
    assert (alert.condition_met, alert.last_value, alert.trigger_count) == (False, 190, 0)
    # Once the market has closed, the stored close speaks again (the feed's quote is of a
    # session that is over).
    after_close = dt.datetime(2026, 3, 10, 1, tzinfo=dt.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        fired = services.alerts_evaluate(symbols=["AAPL"], now=after_close)
    assert [n.data["price"] for n in fired] == ["200"]


def test_an_alert_already_true_when_created_fires_at_once_and_only_once(
    alice: User, pushed: Any, discord_queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    close_on(2, 100)
    fired = create(django_capture_on_commit_callbacks, alice, "price_below", 120)
    assert [n.data["condition"] for n in fired] == ["price_below"]
    assert [event["kind"] for event in pushed] == ["notification"]
    alert = PriceAlert.objects.get()
    assert (alert.condition_met, alert.trigger_count, alert.last_value) == (True, 1, 100)
    assert evaluate(django_capture_on_commit_callbacks) == []  # the next ingest: still edge-only
    assert Notification.objects.count() == 1


def test_an_alert_created_before_any_price_fires_when_its_first_prices_arrive(
    alice: User, pushed: Any, discord_queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    assert create(django_capture_on_commit_callbacks, alice, "price_below", 120) == []
    assert PriceAlert.objects.get().condition_met is None
    close_on(2, 100)
    assert len(evaluate(django_capture_on_commit_callbacks)) == 1


def test_creating_an_alert_evaluates_only_that_alert(
    alice: User,
    bob: User,
    pushed: Any,
    discord_queued: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    close_on(2, 100)
    create(django_capture_on_commit_callbacks, bob, "price_below", 120)
    PriceAlert.objects.filter(owner=bob).update(condition_met=None)  # re-armed, awaiting an ingest
    create(django_capture_on_commit_callbacks, alice, "price_below", 150)
    assert Notification.objects.filter(owner=bob).count() == 1
    assert PriceAlert.objects.get(owner=bob).condition_met is None


def test_a_daily_drop_beyond_the_threshold_fires(
    alice: User, pushed: Any, discord_queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    close_on(2, 200)
    close_on(3, 185)  # −7.5 %
    fired = create(django_capture_on_commit_callbacks, alice, "change_down", 5)
    assert create(django_capture_on_commit_callbacks, alice, "change_up", 5) == []
    assert [n.data["condition"] for n in fired] == ["change_down"]
    assert fired[0].data["value"].startswith("-7.5")
    assert fired[0].data["threshold"] == "5.00"
    assert fired[0].message == "AAPL moved -7.50% today (alert at -5.00%)"


def test_an_rsi_alert_fires_when_rsi_crosses_its_level(
    alice: User, pushed: Any, discord_queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    start = dt.date(2026, 1, 1)
    rising = {start + dt.timedelta(days=i): 100 + i + (i % 3) for i in range(40)}
    add_closes("AAPL", rising)
    fired = create(django_capture_on_commit_callbacks, alice, "rsi_above", 70)
    assert create(django_capture_on_commit_callbacks, alice, "rsi_below", 30) == []
    assert [n.data["condition"] for n in fired] == ["rsi_above"]
    assert Decimal(fired[0].data["value"]) > 70


def test_an_rsi_alert_waits_for_enough_history() -> None:
    seen = alerts.Observation(last=Decimal(1), rsi=None)
    result = alerts.evaluate(alerts.Condition.RSI_ABOVE, Decimal(70), seen, previous=False)
    assert (result.state, result.fires) == (False, False)


def test_new_prices_enqueue_an_evaluation_after_commit_only_for_watched_symbols(
    alice: User, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    enqueued: list[list[str]] = []
    monkeypatch.setattr(
        tasks.evaluate_price_alerts, "delay", lambda symbols: enqueued.append(symbols)
    )
    close_on(2, 190)
    services.alert_create(owner=alice, symbol="AAPL", kind="price_above", threshold=Decimal(195))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        prices_changed.send(sender=None, symbols=["MSFT"], kind="daily")
        assert callbacks == []
        prices_changed.send(sender=None, symbols=["AAPL", "MSFT"], kind="daily")
        assert enqueued == []
    assert enqueued == [["AAPL"]]


def test_the_evaluation_task_evaluates_and_counts_what_fired(
    alice: User, pushed: Any, discord_queued: Any
) -> None:
    close_on(2, 190)
    services.alert_create(owner=alice, symbol="AAPL", kind="price_above", threshold=Decimal(195))
    close_on(3, 200)
    assert tasks.evaluate_price_alerts(symbols=["AAPL"]) == 1
    assert tasks.evaluate_price_alerts(symbols=["AAPL"]) == 0


def test_a_user_with_a_webhook_gets_the_alert_on_discord(
    alice: User, pushed: Any, discord_queued: list[int], django_capture_on_commit_callbacks: Any
) -> None:
    alice.discord_webhook_url = WEBHOOK
    alice.save(update_fields=["discord_webhook_url"])
    close_on(2, 200)
    fired = create(django_capture_on_commit_callbacks, alice, "price_above", 195)
    assert discord_queued == [fired[0].pk]
    with respx.mock(assert_all_called=True) as mock:
        route = mock.post(WEBHOOK).respond(204)
        assert tasks.deliver_discord_notification(notification_id=fired[0].pk) is True
    assert "AAPL" in route.calls.last.request.content.decode()


@pytest.mark.parametrize(
    "failure",
    [httpx.Response(500), httpx.Response(429), httpx.ConnectError("refused")],
    ids=["http-500", "throttled", "unreachable"],
)
def test_discord_failures_are_logged_never_raised(
    alice: User, failure: Any, caplog: pytest.LogCaptureFixture
) -> None:
    alice.discord_webhook_url = WEBHOOK
    alice.save(update_fields=["discord_webhook_url"])
    notification = Notification.objects.create(owner=alice, title="t", message="m")
    with respx.mock() as mock, caplog.at_level(logging.WARNING):
        route = mock.post(WEBHOOK)
        if isinstance(failure, Exception):
            route.side_effect = failure
        else:
            route.return_value = failure
        assert tasks.deliver_discord_notification(notification_id=notification.pk) is False
    assert "discord webhook" in caplog.text
    assert "secret" not in caplog.text


def test_delivery_of_a_deleted_notification_returns_quietly(db: Any) -> None:
    assert tasks.deliver_discord_notification(notification_id=999) is False


def test_a_broken_channel_layer_does_not_lose_the_notification(
    alice: User,
    monkeypatch: pytest.MonkeyPatch,
    discord_queued: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    def broken(**kwargs: Any) -> None:
        raise ConnectionError("redis is down")

    monkeypatch.setattr("stockvis.realtime.broadcast.send_user_event", broken)
    close_on(2, 200)
    assert len(create(django_capture_on_commit_callbacks, alice, "price_above", 195)) == 1
    assert Notification.objects.count() == 1


def test_alerts_api_creates_edits_rearms_and_deletes(as_alice: APIClient, alice: User) -> None:
    close_on(2, 200)
    url = "/api/v1/users/alerts/"
    created = as_alice.post(
        url, {"symbol": "aapl", "kind": "price_above", "threshold": "195"}, format="json"
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    # 200 is already above 195: the alert fired on creation.
    assert (body["symbol"], body["threshold"], body["condition_met"]) == ("AAPL", "195.00", True)
    assert body["trigger_count"] == 1
    edited = as_alice.patch(f"{url}{body['id']}/", {"threshold": "250"}, format="json")
    assert edited.status_code == 200
    # A changed condition re-arms and is evaluated at once: 200 is below 250.
    assert (edited.json()["threshold"], edited.json()["condition_met"]) == ("250.00", False)
    paused = as_alice.patch(f"{url}{body['id']}/", {"is_active": False}, format="json")
    assert paused.json()["is_active"] is False
    assert [a["id"] for a in as_alice.get(url).json()["results"]] == [body["id"]]
    assert (
        as_alice.post(
            url, {"symbol": "AAPL", "kind": "rsi_above", "threshold": "170"}, format="json"
        ).status_code
        == 400
    )
    assert (
        as_alice.post(
            url, {"symbol": "AAPL", "kind": "price_above", "threshold": "-1"}, format="json"
        ).status_code
        == 400
    )
    assert (
        as_alice.post(
            url, {"symbol": "AAPL", "kind": "moon", "threshold": "1"}, format="json"
        ).status_code
        == 400
    )
    assert as_alice.delete(f"{url}{body['id']}/").status_code == 204


def test_notifications_are_listed_and_marked_read(as_alice: APIClient, alice: User) -> None:
    first = Notification.objects.create(owner=alice, title="one", message="m")
    Notification.objects.create(owner=alice, title="two", message="m")
    url = "/api/v1/users/notifications/"
    assert [n["title"] for n in as_alice.get(url).json()["results"]] == ["two", "one"]
    read = as_alice.post(f"{url}{first.pk}/read/")
    assert read.status_code == 200
    assert read.json()["read_at"] is not None
    assert [n["title"] for n in as_alice.get(url + "?unread=true").json()["results"]] == ["two"]
    assert as_alice.get(f"{url}{first.pk}/").json()["title"] == "one"
    assert as_alice.post(f"{url}read-all/").json() == {"marked": 1}
    assert as_alice.get(url + "?unread=true").json()["results"] == []
    assert as_alice.delete(f"{url}{first.pk}/").status_code == 204


def test_thresholds_read_as_people_write_them_in_the_api_and_notifications(
    as_alice: APIClient, alice: User
) -> None:
    close_on(2, 200)
    close_on(3, 204)  # +2 %
    url = "/api/v1/users/alerts/"
    created = as_alice.post(
        url, {"symbol": "AAPL", "kind": "change_up", "threshold": "1"}, format="json"
    )
    assert created.json()["threshold"] == "1.00"
    assert as_alice.get(url).json()["results"][0]["threshold"] == "1.00"
    (notification,) = as_alice.get("/api/v1/users/notifications/").json()["results"]
    assert notification["data"]["threshold"] == "1.00"
    assert "1.00000000" not in notification["title"] + notification["message"]
    assert notification["message"].endswith("(alert at +1.00%)")


@pytest.mark.parametrize(
    ("kind", "threshold", "currency", "shown"),
    [
        ("change_up", "1.00000000", "USD", "1.00"),
        ("change_down", "-2.50000000", "USD", "2.50"),
        ("rsi_above", "70.00000000", "USD", "70.00"),
        ("price_above", "250.00000000", "USD", "250.00"),
        ("price_above", "187.33500000", "USD", "187.335"),
        ("price_below", "72000.00000000", "KRW", "72000"),
    ],
)
def test_threshold_text_keeps_typed_digits_and_drops_the_columns_zeros(
    kind: str, threshold: str, currency: str, shown: str
) -> None:
    assert alerts.threshold_text(alerts.Condition(kind), Decimal(threshold), currency) == shown


def test_alerts_read_real_closes_even_when_demo_closes_are_newer(
    alice: User, pushed: Any, discord_queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from stockvis.market.models import DailyPrice

    close_on(2, 100)  # real (csv)
    asset = PriceAlert._meta.get_field("asset").related_model.objects.get(symbol="AAPL")
    asset.preferred_source = "synthetic"
    asset.save(update_fields=["preferred_source"])
    DailyPrice.objects.create(
        asset=asset,
        date=dt.date(2026, 3, 5),
        source="synthetic",
        open=1,
        high=1,
        low=1,
        close=500,
        volume=1,
    )
    assert create(django_capture_on_commit_callbacks, alice, "price_above", 300) == []
    assert PriceAlert.objects.get().last_value == 100
