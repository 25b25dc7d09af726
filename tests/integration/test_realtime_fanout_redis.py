"""The per-process fan-out hub on Redis: channels-redis (core) and its pub/sub layer."""

import asyncio
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from stockvis.market.models import Asset
from tests.realtime import fanout_scenarios as scenarios

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

BACKENDS = {
    "redis": "channels_redis.core.RedisChannelLayer",
    "redis-pubsub": "channels_redis.pubsub.RedisPubSubChannelLayer",
}


@pytest.fixture(params=sorted(BACKENDS), autouse=True)
def redis_layer(request: Any, settings: Any) -> str:
    default = settings.CHANNEL_LAYERS["default"]
    assert "channels_redis" in default["BACKEND"], "run the integration suite with REDIS_URL"
    settings.CHANNEL_LAYERS = {"default": {**default, "BACKEND": BACKENDS[request.param]}}
    async_to_sync(get_channel_layer().flush)()  # no memberships left by an earlier run
    for symbol in ("AAPL", "MSFT"):
        Asset.objects.create(
            symbol=symbol, name=symbol, category="stock", exchange="XNYS", currency="USD"
        )
    return str(request.param)


def test_many_sockets_on_one_symbol_make_one_layer_message_per_process() -> None:
    asyncio.run(scenarios.many_sockets_on_one_symbol_share_one_layer_membership())


def test_the_last_socket_to_leave_takes_the_hub_out_of_the_group() -> None:
    asyncio.run(scenarios.the_last_socket_to_leave_takes_the_hub_out_of_the_group())


def test_unsubscribe_stops_a_symbols_updates_and_leaves_its_group() -> None:
    asyncio.run(scenarios.unsubscribe_stops_a_symbols_updates_and_leaves_its_group())


def test_a_stalled_reader_is_dropped_and_a_fast_one_on_its_symbol_is_not_delayed(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.WS_SEND_TIMEOUT = 1.0
    scenarios.stall_price_updates_of_marked_sockets(monkeypatch)
    asyncio.run(scenarios.a_stalled_reader_is_dropped_and_a_fast_one_on_its_symbol_is_not_delayed())
