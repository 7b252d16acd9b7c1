"""System checks of the search configuration: they run with `migrate`, `runserver` and
`manage.py check`, so a broken synonym file stops a deploy with its line number instead of
failing every search."""

from pathlib import Path
from typing import Any

from django.core.checks import CheckMessage, Error, register

from search.synonyms import SYNONYMS_FILE, SynonymFileError, Synonyms


def synonyms_errors(path: Path = SYNONYMS_FILE) -> list[CheckMessage]:
    try:
        Synonyms.load(path)
    except SynonymFileError as error:
        return [Error(str(error), hint="Fix or remove the line.", id="discovery.E001")]
    except OSError as error:
        return [Error(f"{path}: {error.strerror}", id="discovery.E002")]
    return []


@register()
def synonyms_check(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    return synonyms_errors()
