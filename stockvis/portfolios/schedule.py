"""Beat entries of the portfolios app (plain data; see ``config/schedule.py``).

Intraday snapshots run every 5 minutes and the task itself decides which markets are open; close
snapshots run a quarter of an hour after each market's regular close, in that market's zone, and
skip non-session days. 24/7 (crypto) and 24/5 (FX) holdings close their day at 00:05 UTC.
"""

BEAT_ENTRIES = {
    "portfolio-snapshots-intraday": {
        "task": "stockvis.portfolios.tasks.take_intraday_snapshots",
        "cron": "*/5 * * * *",
        "expires": 240,
    },
    "portfolio-snapshots-close-xnys": {
        "task": "stockvis.portfolios.tasks.take_close_snapshots",
        "cron": "15 16 * * 1-5",
        "tz": "America/New_York",
        "args": ("XNYS",),
        "expires": 3600,
    },
    "portfolio-snapshots-close-xkrx": {
        "task": "stockvis.portfolios.tasks.take_close_snapshots",
        "cron": "45 15 * * 1-5",
        "tz": "Asia/Seoul",
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
