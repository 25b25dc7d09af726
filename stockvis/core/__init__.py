"""Shared plumbing: calendars, symbols, errors, JSON logging, alerting, cache keys."""
