"""The quote feed: polls providers for watched symbols and publishes what moved."""
