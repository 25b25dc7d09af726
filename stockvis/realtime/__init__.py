"""Realtime prices and notifications over WebSocket."""
