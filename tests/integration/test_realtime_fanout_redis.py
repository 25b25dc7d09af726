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


def test_installs_on_two_databases_of_one_redis_do_not_hear_each_other(
    settings: Any, redis_layer: str
) -> None:
    """Redis pub/sub channels are one namespace for the whole server: before the layer's prefix
    named the database, a test run on ``/3`` received the portfolio updates of an app on ``/11``
    (same group name, ``user.1``)."""
    from channels_redis.core import RedisChannelLayer
    from channels_redis.pubsub import RedisPubSubChannelLayer

    from config.channels import redis_channel_prefix

    config = settings.CHANNEL_LAYERS["default"]["CONFIG"]
    base = config["hosts"][0]["address"].rsplit("/", 1)[0]
    layer_class: Any = (
        RedisPubSubChannelLayer if redis_layer == "redis-pubsub" else RedisChannelLayer
    )

    def layer(database: int) -> Any:
        url = f"{base}/{database}"
        return layer_class(hosts=[{"address": url}], prefix=redis_channel_prefix(url))

    async def scenario() -> None:
        ours, theirs, same = layer(13), layer(14), layer(13)
        try:
            mine = await ours.new_channel()
            await ours.group_add("user.1", mine)
            await asyncio.sleep(0.2)  # the pub/sub subscription is asynchronous
            await theirs.group_send("user.1", {"type": "portfolio_update", "from": "theirs"})
            await same.group_send("user.1", {"type": "portfolio_update", "from": "ours"})
            first = await asyncio.wait_for(ours.receive(mine), timeout=5)
            assert first["from"] == "ours"
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(ours.receive(mine), timeout=1)
        finally:
            for each in (ours, theirs, same):
                await each.flush()

    asyncio.run(scenario())
