"""Errors in the standard's shape everywhere: unknown paths, wrong methods, oversized bodies, in the
format and the language asked for."""

import pytest

from tests.open311 import schemas
from tests.open311.conftest import error_descriptions, post_request, pothole

pytestmark = pytest.mark.django_db(transaction=True)


def test_unknown_paths_answer_the_standard_404_in_the_format_asked(o311, makkah):
    json_404 = o311.get("/nothing-here.json")
    assert json_404.status_code == 404
    assert error_descriptions(json_404) == ["There is nothing at this address."]
    for path in ("/nothing-here.xml", "/requests", "/services.html", "/requests/"):
        response = o311.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/xml")
        schemas.parse_xml(response.content, schemas.ERRORS)


def test_a_wrong_method_is_405_with_allow(o311, makkah, fetch):
    got = fetch("/services", schemas.ERRORS, method="POST", status=405)
    assert got.headers["allow"] == "GET"
    fetch("/requests", schemas.ERRORS, method="DELETE", status=405)


def test_an_oversized_body_is_413(o311, key, roads):
    response = post_request(o311, pothole(api_key=key, description="x" * 300_000))
    assert response.status_code == 413
    assert error_descriptions(response) == ["The request is too large."]


def test_errors_are_in_the_requests_language(o311, makkah):
    arabic = o311.get("/services/nope.json", headers={"Accept-Language": "ar"})
    assert arabic.headers["content-language"] == "ar"
    assert error_descriptions(arabic) == ["service_code: الخدمة غير معروفة."]
    by_locale = o311.get("/requests.json", params={"locale": "ar", "start_date": "x"})
    assert error_descriptions(by_locale)[0].startswith("start_date: ")
    assert "ISO 8601" in error_descriptions(by_locale)[0] and "Give" not in error_descriptions(by_locale)[0]
    english = o311.get("/services/nope.json", params={"locale": "en"}, headers={"Accept-Language": "ar"})
    assert error_descriptions(english) == ["service_code: Unknown service."]


def test_posts_need_no_csrf_token(o311, key, roads):
    # A client with a session cookie (as a browser-based app might have) still posts with its key alone.
    o311.cookies.set("csrftoken", "a" * 32)
    assert post_request(o311, pothole(api_key=key)).status_code == 201


def test_an_unexpected_failure_is_a_500_in_the_standard_shape(o311, makkah, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("khidma.open311.selectors.service_list", broken)
    response = o311.get("/services.json")
    assert response.status_code == 500
    assert error_descriptions(response) == ["Something went wrong on our side. Nothing was saved."]
    assert "boom" not in response.text
