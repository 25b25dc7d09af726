"""Beat entries of the ML app (plain data, read by config/schedule.py; no Django imports).

Predictions run after each market's collection (collect-kr 18:00 Seoul, collect-us 17:30 New
York, collect-global 00:30 UTC), so they read the day's bar; retraining runs once a week on
Saturday, when no market of ours trades. Both go to the `low` queue.
"""

BEAT_ENTRIES = {
    "ml-predict-kr": {
        "task": "stockvis.ml.tasks.predict_market",
        "cron": "0 19 * * 1-5",
        "tz": "Asia/Seoul",
        "args": ("KR",),
        "expires": 6 * 3600,
    },
    "ml-predict-us": {
        "task": "stockvis.ml.tasks.predict_market",
        "cron": "30 18 * * 1-5",
        "tz": "America/New_York",
        "args": ("US",),
        "expires": 6 * 3600,
    },
    "ml-predict-global": {
        "task": "stockvis.ml.tasks.predict_market",
        "cron": "30 1 * * *",
        "args": ("GLOBAL",),
        "expires": 6 * 3600,
    },
    "ml-retrain": {
        "task": "stockvis.ml.tasks.retrain_models",
        "cron": "0 3 * * 6",
        "expires": 24 * 3600,
    },
}
