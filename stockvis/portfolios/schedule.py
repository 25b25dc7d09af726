"""Beat entries of the portfolios app (plain data; see ``config/schedule.py``).

Intraday snapshots run every 5 minutes and the task itself decides which markets are open. Close
snapshots are in UTC and the task checks the calendar, so either DST offset works: New York
closes at 20:00 or 21:00 UTC depending on daylight saving, so the entry runs at 20:15 and 21:15
and the task snapshots only once the market is closed, once per session day. Seoul has no
daylight saving (15:30 KST is 06:30 UTC). 24/7 (crypto) and 24/5 (FX) close their day at 00:05.
"""

BEAT_ENTRIES = {
    "portfolio-snapshots-intraday": {
        "task": "stockvis.portfolios.tasks.take_intraday_snapshots",
        "cron": "*/5 * * * *",
        "expires": 240,
    },
    "portfolio-snapshots-close-xnys": {
        "task": "stockvis.portfolios.tasks.take_close_snapshots",
        "cron": "15 20,21 * * 1-5",
        "args": ("XNYS",),
        "expires": 3600,
    },
    "portfolio-snapshots-close-xkrx": {
        "task": "stockvis.portfolios.tasks.take_close_snapshots",
        "cron": "45 6 * * 1-5",
        "args": ("XKRX",),
        "expires": 3600,
    },
    "portfolio-snapshots-close-crypto": {
        "task": "stockvis.portfolios.tasks.take_close_snapshots",
        "cron": "5 0 * * *",
        "args": ("24/7",),
        "expires": 3600,
    },
    "portfolio-snapshots-close-fx": {
        "task": "stockvis.portfolios.tasks.take_close_snapshots",
        "cron": "5 0 * * 2-6",
        "args": ("24/5",),
        "expires": 3600,
    },
}
