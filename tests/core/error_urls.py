"""Routes that fail on purpose, beside the real ones, for the error-shape tests."""

from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse
from django.urls import path
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.urls import urlpatterns as real_urlpatterns


class FailingTemplateResponse(SimpleTemplateResponse):
    @property
    def rendered_content(self) -> str:
        raise RuntimeError("the template broke while rendering")


def fails_while_rendering(request: HttpRequest) -> HttpResponse:
    return FailingTemplateResponse("unused.html")


class UnserialisableView(APIView):
    def get(self, request: Request) -> Response:
        return Response({"value": object()})  # JSONRenderer raises while rendering


def fails_in_the_view(request: HttpRequest) -> HttpResponse:
    raise ZeroDivisionError("a bug")


urlpatterns = [
    path("api/v1/test/render/", fails_while_rendering),
    path("api/v1/test/drf-render/", UnserialisableView.as_view()),
    path("api/v1/test/view/", fails_in_the_view),
    path("elsewhere/view/", fails_in_the_view),
    *real_urlpatterns,
]
