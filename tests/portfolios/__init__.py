"""Tests of the portfolio valuation core."""
