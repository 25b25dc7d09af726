"""Page size rules for user-owned lists: every list is bounded, whatever a user has stored."""

from __future__ import annotations

from django.conf import settings
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
