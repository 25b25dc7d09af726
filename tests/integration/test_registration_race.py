"""Registrations of one name in three cases at the same moment: one account, 400s for the rest."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection
from rest_framework.test import APIClient

from stockvis.accounts.models import User

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_simultaneous_registrations_differing_in_case_make_one_account(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    names = ["name", "NAME", "Name"]
    start = threading.Barrier(len(names))
    codes: dict[str, int] = {}

    def register(username: str) -> None:
        try:
            start.wait(timeout=10)
            response = APIClient().post(
                "/api/v1/users/register/",
                {"username": username, "password": "a-long-and-unusual-passphrase"},
                format="json",
            )
            codes[username] = response.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(codes.values()) == [201, 400, 400], codes
    assert User.objects.filter(username__iexact="name").count() == 1
