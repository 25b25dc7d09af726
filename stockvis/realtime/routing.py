"""WebSocket routes (/ws/...)."""

from django.urls import URLPattern, path

from stockvis.realtime import consumers

websocket_urlpatterns: list[URLPattern] = [
    path("ws/stocks/<str:symbol>/", consumers.SymbolPriceConsumer.as_asgi()),
    path("ws/portfolio/", consumers.PortfolioConsumer.as_asgi()),
]
