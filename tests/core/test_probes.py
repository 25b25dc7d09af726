"""Health probes ask by address over plain HTTP: production's host check and HTTPS redirect must
not turn a healthy web process into a dead one (found running deploy/compose.yaml: its web
healthcheck was redirected to https:// and every web container showed unhealthy)."""

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

PRODUCTION_LIKE = override_settings(
    ALLOWED_HOSTS=["stocks.example.org"], SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=3600
)


@PRODUCTION_LIKE
def test_liveness_answers_a_probe_by_address_over_plain_http() -> None:
    response = Client().get("/healthz", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@PRODUCTION_LIKE
def test_readiness_answers_a_probe_by_address_over_plain_http() -> None:
    response = Client().get("/healthz/ready", HTTP_HOST="172.18.0.9:8000")
    # No worker, beat or feed beats in this test: not ready, but said so, not refused.
    assert response.status_code == 503
    assert response.json()["status"] == "not_ready"


@PRODUCTION_LIKE
def test_every_other_path_keeps_the_host_check_and_the_https_redirect() -> None:
    client = Client()
    assert client.get("/api/v1/stocks/api/search/?q=A", HTTP_HOST="127.0.0.1").status_code == 400
    redirected = client.get("/healthz/", HTTP_HOST="stocks.example.org")
    assert redirected.status_code == 301
    assert redirected["Location"] == "https://stocks.example.org/healthz/"
    assert client.get("/", HTTP_HOST="stocks.example.org").status_code == 301


@PRODUCTION_LIKE
def test_a_probe_still_answers_only_get() -> None:
    assert Client().post("/healthz", HTTP_HOST="127.0.0.1").status_code == 405
