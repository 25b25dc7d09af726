"""Market-data collection: validation, ingestion, job runs and data-quality flags."""
