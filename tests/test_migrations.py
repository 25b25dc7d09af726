"""Every model change has its migration: a change without one would pass the tests (they build
tables from the models) and fail on the first `stockvis migrate` of a real database."""

from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_the_models_and_the_migrations_agree() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
