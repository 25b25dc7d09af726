"""Beat entries of collection (plain data, read by config/schedule.py; no Django imports).

Each market is collected after its exchange closes, re-reading the last 7 days
(COLLECT_WINDOW_DAYS) so a missed run heals on the next; the health check runs after the last
close of the day. Override any entry with SCHEDULE_<NAME> (crontab or ``off``).

The crons are in UTC: config/schedule.py's per-entry ``tz`` builds a crontab whose clock cannot
be pickled into beat's schedule file, so beat would not start. 09:00 UTC is exactly 18:00 in
Seoul (no daylight saving); 22:30 UTC is 17:30 New York time in winter and 18:30 in summer,
after the 16:00 NYSE close either way.
"""

BEAT_ENTRIES = {
    # KRX closes 15:30 KST; FinanceDataReader has the day's bars by the early evening.
    "collect-kr": {
        "task": "stockvis.collector.tasks.collect_assets",
        "cron": "0 9 * * 1-5",
        "kwargs": {"market": "KR"},
        "expires": 6 * 3600,
    },
    # NYSE closes 16:00 ET; Alpha Vantage publishes the daily bar shortly after.
    "collect-us": {
        "task": "stockvis.collector.tasks.collect_assets",
        "cron": "30 22 * * 1-5",
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
