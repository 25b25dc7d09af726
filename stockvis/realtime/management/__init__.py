"""Management commands of the realtime app."""
