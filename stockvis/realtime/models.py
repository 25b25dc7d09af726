"""Intraday bars the feed builds from the quotes it sees (the chart's 1d period)."""

from __future__ import annotations

from django.db import models

from stockvis.market.models import Asset


class IntradayBar(models.Model):
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=32)
    start = models.DateTimeField(help_text="Start of the one-minute bar (UTC).")
    open = models.FloatField()
    high = models.FloatField()
    low = models.FloatField()
    close = models.FloatField()
    volume = models.FloatField(default=0)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=("asset", "start", "source"), name="intraday_bar_unique"
            ),
        )
        indexes = (models.Index(fields=("start",), name="intraday_bar_start"),)

    def __str__(self) -> str:
        return f"{self.asset_id} {self.start:%Y-%m-%d %H:%M} {self.close}"
