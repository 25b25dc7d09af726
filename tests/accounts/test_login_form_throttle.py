"""Django's own login forms (admin, browsable API) are throttled like the JWT login."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/login/", "/api/v1/users/session/login/"])
def test_password_guessing_on_a_login_form_is_cut_off_after_ten_a_minute(
    client: Client, path: str
) -> None:
    guess = {"username": "alice", "password": "wrong-guess"}
    assert client.get(path).status_code == 200  # showing the form costs nothing
    codes = [client.post(path, guess).status_code for _ in range(11)]
    assert codes[:10] == [200] * 10  # the form again, with "wrong password"
    assert codes[10] == 429
    assert 0 < int(client.post(path, guess)["Retry-After"]) <= 60
