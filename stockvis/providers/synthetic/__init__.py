"""The offline `synthetic` provider: deterministic, calendar-aware demo data, labelled as such."""

from stockvis.providers.synthetic.provider import SYNTHETIC_LABEL, SyntheticProvider

__all__ = ("SYNTHETIC_LABEL", "SyntheticProvider")
