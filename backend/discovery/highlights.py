"""Search snippets as the API sends them: whitespace as a reader sees it, one mark per run.

The backends mark each matched word (`<mark>`, in HTML-escaped text) and cut fragments from
the stored text with its line breaks and double spaces. A reader sees neither; a client that
shows the fragment as it comes would show stray spaces, and two marked words side by side as
two boxes with a gap between. So: whitespace runs become one space, a fragment has none at its
ends, a mark none inside its ends, and marks with only a space between become one.
"""

import re

_SPACE = re.compile(r"\s+")
_SPACE_OPENING = re.compile(r"<mark>( )")
_SPACE_CLOSING = re.compile(r"( )</mark>")
_ADJACENT = re.compile(r"</mark>( ?)<mark>")
_EMPTY = re.compile(r"<mark></mark>")


def highlight_tidy(fragment: str) -> str:
    text = _SPACE.sub(" ", fragment)
    text = _SPACE_CLOSING.sub(r"</mark>\1", _SPACE_OPENING.sub(r"\1<mark>", text))
    text = _ADJACENT.sub(r"\1", _EMPTY.sub("", text))
    return _SPACE.sub(" ", text).strip()
