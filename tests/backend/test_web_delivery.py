"""How the frontend reaches a browser: static files compressed (the build's .br and .gz beside
each asset) and cached for good when their names carry a content hash, and a robots.txt that
lets crawlers read the public pages but not the API, the admin or the desks.
scripts/lighthouse.sh measures the result in a browser."""

from pathlib import Path

import pytest
from django.test import Client, override_settings

ASSET = "assets/index-BilnHtcU.js"
SOURCE = b"export const greeting = 'Hei';\n" * 100
BROTLI = b"brotli" * 10
GZIP = b"gzip" * 20


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A build as vite.config.ts writes it: a hashed asset with its compressed copies, and a
    file without a hash."""
    (tmp_path / "assets").mkdir()
    asset = tmp_path / ASSET
    asset.write_bytes(SOURCE)
    # Brotli's copy is the smaller, as it is in a real build; whitenoise sends the smallest the
    # browser accepts.
    asset.with_name(asset.name + ".br").write_bytes(BROTLI)
    asset.with_name(asset.name + ".gz").write_bytes(GZIP)
    (tmp_path / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    return tmp_path


def test_a_hashed_asset_is_sent_compressed_and_cached_for_good(built: Path) -> None:
    with override_settings(STATICFILES_DIRS=[built]):
        # when
        response = Client().get(
            f"/static/{ASSET}", headers={"accept-encoding": "gzip, deflate, br"}
        )
        # then
        assert response.status_code == 200
        assert response["Content-Encoding"] == "br"
        assert b"".join(response.streaming_content) == BROTLI  # type: ignore[arg-type]
        assert response["Cache-Control"] == "max-age=315360000, public, immutable"
        assert response["Vary"] == "Accept-Encoding"


def test_a_browser_without_brotli_gets_gzip_and_one_without_either_the_file(built: Path) -> None:
    with override_settings(STATICFILES_DIRS=[built]):
        # when
        gzip = Client().get(f"/static/{ASSET}", headers={"accept-encoding": "gzip"})
        plain = Client().get(f"/static/{ASSET}", headers={"accept-encoding": "identity"})
        # then
        assert gzip["Content-Encoding"] == "gzip"
        assert "Content-Encoding" not in plain
        assert b"".join(plain.streaming_content) == SOURCE  # type: ignore[arg-type]


def test_a_file_without_a_hash_in_its_name_is_not_cached_for_good(built: Path) -> None:
    with override_settings(STATICFILES_DIRS=[built]):
        # when
        response = Client().get("/static/favicon.svg")
        # then
        assert response.status_code == 200
        assert "immutable" not in response["Cache-Control"]


def test_robots_txt_keeps_crawlers_to_the_public_pages() -> None:
    # when
    response = Client().get("/robots.txt")
    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /api/" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /account/" in lines
    # The public pages stay open: nothing shuts out the whole site, the needs or the search.
    assert "Disallow: /" not in lines
    assert not [line for line in lines if line.startswith(("Disallow: /needs", "Disallow: /?"))]
