"""Benchmarks: each reports its timing as a ratio against a baseline measured in the same run."""
