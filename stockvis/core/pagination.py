"""Page size rules for user-owned lists: every list is bounded, whatever a user has stored."""

from __future__ import annotations

from django.conf import settings
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request


class OwnedListPagination(PageNumberPagination):
    """`?page=N&page_size=M`; M defaults to PAGE_SIZE and is capped at PAGE_SIZE_MAX."""

    page_size_query_param = "page_size"

    @property
    def page_size(self) -> int:  # type: ignore[override]
        return int(settings.PAGE_SIZE)

    @property
    def max_page_size(self) -> int:  # type: ignore[override]
        return int(settings.PAGE_SIZE_MAX)

    def get_page_size(self, request: Request) -> int:
        # DRF falls back to the default for a page_size it cannot read; a client that sent
        # `page_size=1.5` or `page_size=` made a mistake it should hear about.
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or int(raw) < 1:
            raise ValidationError(
                {"page_size": [f"must be a whole number from 1 to {self.max_page_size}"]}
            )
        return min(int(raw), self.max_page_size)
