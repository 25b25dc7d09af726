"""Tests of the pure analysis core: indicators, signals, purity."""
