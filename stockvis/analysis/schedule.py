"""Beat entries of the analysis app (plain data, read by config/schedule.py)."""

# Ingests refresh snapshots as they commit; this pass after every market has closed (00:15 UTC) catches what arrived without
# the signal (a manual database load) and moves `as_of` past bars that closed after their ingest.
BEAT_ENTRIES = {
    "analysis-refresh-snapshots": {
        "task": "stockvis.analysis.tasks.refresh_snapshots",
        "cron": "15 0 * * *",
        "expires": 3600,
    },
}
