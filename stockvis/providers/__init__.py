"""Market-data providers: one client per source, all speaking the DTOs of ``base``."""
