import pytest
from django.test import Client, override_settings

from config.celery import app as celery_app

pytestmark = pytest.mark.django_db


def test_healthz_reports_every_service_up(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["services"]) == {"database", "cache", "broker"}
    assert all(service["ok"] for service in body["services"].values())


def test_healthz_answers_503_naming_the_broker_when_it_is_down(client: Client) -> None:
    # Port 1 on loopback: nothing listens, so the connection is refused at once.
    original = celery_app.conf.broker_url
    celery_app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        with override_settings(CELERY_BROKER_URL="redis://127.0.0.1:1/0"):
            response = client.get("/healthz")
    finally:
        celery_app.conf.broker_url = original
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["services"]["broker"]["ok"] is False
    assert body["services"]["database"]["ok"] is True
