"""Tests of the provider adapters and their pure processors."""
