"""Beat entries of collection (plain data, read by config/schedule.py; no Django imports).

Each market is collected after its exchange closes, in that exchange's zone, re-reading the last
7 days (COLLECT_WINDOW_DAYS) so a missed run heals on the next; the health check runs after the
last close of the day. Override any entry with SCHEDULE_<NAME> (crontab or ``off``).
"""

BEAT_ENTRIES = {
    # KRX closes 15:30 KST; FinanceDataReader has the day's bars by the early evening.
    "collect-kr": {
        "task": "stockvis.collector.tasks.collect_assets",
        "cron": "0 18 * * 1-5",
        "tz": "Asia/Seoul",
        "kwargs": {"market": "KR"},
        "expires": 6 * 3600,
    },
    # NYSE closes 16:00 ET; Alpha Vantage publishes the daily bar shortly after.
    "collect-us": {
        "task": "stockvis.collector.tasks.collect_assets",
        "cron": "30 17 * * 1-5",
        "tz": "America/New_York",
        "kwargs": {"market": "US"},
        "expires": 6 * 3600,
    },
    # Crypto, FX and commodities: every day, once the UTC day has ended.
    "collect-global": {
        "task": "stockvis.collector.tasks.collect_assets",
        "cron": "30 0 * * *",
        "kwargs": {"market": "GLOBAL"},
        "expires": 6 * 3600,
    },
    # After all three: the US collection of the evening before and crypto's finished UTC day.
    "collector-healthcheck": {
        "task": "stockvis.collector.tasks.healthcheck",
        "cron": "30 1 * * *",
        "expires": 3600,
    },
}
