"""Plain text as the product keeps it: NFC, no control characters (a NUL byte would crash
PostgreSQL; the others are invisible and break exports), single lines without line breaks."""

import unicodedata

_LINE_BREAKS = str.maketrans({"\t": " ", "\r": " ", "\n": " "})


def control_characters(value: str, *, multiline: bool) -> list[str]:
    """The control characters in `value` (Unicode category Cc), apart from tab and line
    feed in multi-line text."""
    allowed = {"\t", "\n"} if multiline else set()
    return [c for c in value if unicodedata.category(c) == "Cc" and c not in allowed]


def clean_text(value: str, *, multiline: bool) -> str:
    """NFC; line breaks as "\\n" in multi-line text and as spaces in a single line."""
    value = unicodedata.normalize("NFC", value)
    if multiline:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value.translate(_LINE_BREAKS)


def plain_line(value: str, *, max_length: int) -> str:
    """Text from elsewhere (an identity provider, a composed title) as one clean line that
    fits `max_length`: control characters dropped, spaces collapsed, cut with "…"."""
    text = clean_text(value, multiline=False)
    bad = set(control_characters(text, multiline=False))
    line = " ".join("".join(c for c in text if c not in bad).split())
    return line if len(line) <= max_length else line[: max_length - 1].rstrip() + "…"
