"""`stockvis feed`."""
