"""Tests of market-data collection."""
