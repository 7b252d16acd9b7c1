"""Expensive anonymous endpoints are throttled per client address."""

from django.test import override_settings
from rest_framework.test import APIClient

from tests.backend.conftest import World


def test_anonymous_semantic_search_is_throttled(world: World) -> None:
    # given: the anonymous allowance of semantic searches (20 a minute) used up
    client = APIClient()
    allowed = [
        client.get("/api/search/", {"q": "velferdsteknologi", "semantic": "true"}).status_code
        for _ in range(20)
    ]
    # when
    semantic = client.get("/api/search/", {"q": "velferdsteknologi", "semantic": "true"})
    keyword = client.get("/api/search/", {"q": "velferdsteknologi"})
    signed_in = world.client("buyer").get(
        "/api/search/", {"q": "velferdsteknologi", "semantic": "true"}
    )
    # then: plain keyword search and signed-in users go on
    assert allowed == [200] * 20
    assert semantic.status_code == 429
    assert int(semantic["Retry-After"]) > 0
    assert (keyword.status_code, signed_in.status_code) == (200, 200)


def test_a_search_in_the_default_mode_counts_as_semantic_when_that_is_the_default(
    world: World,
) -> None:
    # given: semantic search is the site's default
    client = APIClient()
    with override_settings(SEARCH_SEMANTIC_DEFAULT=True):
        allowed = [client.get("/api/search/", {"q": "kommune"}).status_code for _ in range(20)]
        # when: the request does not say, or asks for words only
        default = client.get("/api/search/", {"q": "kommune"})
        words = client.get("/api/search/", {"q": "kommune", "semantic": "false"})
    # then
    assert allowed == [200] * 20
    assert (default.status_code, words.status_code) == (429, 200)
