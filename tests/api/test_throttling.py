import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/stocks/api/chart/AAPL/",
        "/api/v1/stocks/api/overview/AAPL/",
        "/api/v1/stocks/api/cashflow/AAPL/",
        "/api/v1/stocks/api/search/symbols/?keywords=apple",
        "/api/v1/stocks/api/search/validate/AAPL/",
        "/api/v1/stocks/api/search/popular/",
        "/api/v1/users/portfolio/symbol/AAPL/status/",
    ],
)
def test_anonymous_callers_over_the_rate_get_a_json_429_with_retry_after(
    market: None, client: Client, throttle_rates: dict[str, str], path: str
) -> None:
    throttle_rates["anon"] = "2/min"
    assert client.get(path).status_code == 200
    assert client.get(path).status_code == 200
    response = client.get(path)
    assert response.status_code == 429
    body = response.json()
    assert body["error"] == "throttled"
    assert body["detail"].startswith("Request was throttled")
    assert 0 < body["retry_after"] <= 60


def test_cached_answers_are_throttled_too(
    market: None, client: Client, throttle_rates: dict[str, str]
) -> None:
    throttle_rates["anon"] = "1/min"
    assert client.get("/api/v1/stocks/api/chart/AAPL/").status_code == 200
    assert client.get("/api/v1/stocks/api/chart/AAPL/").status_code == 429


def test_signed_in_users_have_their_own_rate(
    market: None, client: Client, throttle_rates: dict[str, str], django_user_model: type
) -> None:
    throttle_rates.update(anon="1/min", user="3/min")
    user = django_user_model.objects.create_user(username="ana", password="x" * 12)
    client.force_login(user)
    statuses = [client.get("/api/v1/stocks/api/overview/AAPL/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
