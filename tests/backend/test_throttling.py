"""Expensive anonymous endpoints are throttled per client address."""

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
