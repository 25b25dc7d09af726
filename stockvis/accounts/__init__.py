"""Accounts: the custom user model, JWT auth and profiles."""
