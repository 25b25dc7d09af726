"""Page size rules for user-owned lists: every list is bounded, whatever a user has stored."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class OwnedListPagination(PageNumberPagination):
    """`?page=N&page_size=M`; M defaults to PAGE_SIZE and is capped at PAGE_SIZE_MAX."""

    page_size_query_param = "page_size"

    @property
    def page_size(self) -> int:  # type: ignore[override]
        return int(settings.PAGE_SIZE)

    @property
    def max_page_size(self) -> int:  # type: ignore[override]
        return int(settings.PAGE_SIZE_MAX)

    def get_page_number(self, request: Any, paginator: Any) -> str:
        """The asked page: a whole number from 1, else a 400. DRF would read an empty ``page=`` as
        page 1 and accept ``page=last``, neither of which the schema's integer allows."""
        raw = request.query_params.get(self.page_query_param)
        if raw is None:
            return "1"
        if not (raw.isascii() and raw.isdigit()) or not raw.lstrip("0"):
            raise ValidationError({self.page_query_param: ["must be a whole number from 1"]})
        return raw

    def get_page_size(self, request: Any) -> int:
        """The asked page size, or the default; one that is not a whole number from 1 is a 400
        (DRF would quietly use the default), one above the cap is capped."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        digits = raw.lstrip("0")
        if not (raw.isascii() and raw.isdigit()) or not digits:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        f"must be a whole number from 1 to {self.max_page_size}"
                    ]
                }
            )
        # Compare as text first: Python refuses to parse an int of thousands of digits.
        if len(digits) > 6:
            return self.max_page_size
        return min(int(digits), self.max_page_size)
