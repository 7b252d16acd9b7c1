"""Input fields shared by the apps' serializers: plain text with its size declared once.

Text that people read is stored as plain text and escaped where it is shown. These fields
take only strings (never a number or a list passed off as text), normalise them to NFC,
and refuse control characters: a NUL byte would crash PostgreSQL, and the others are
invisible in the interface and break exports.
"""

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.relations import ManyRelatedField, RelatedField
from rest_framework.settings import api_settings
from rest_framework.utils import humanize_datetime

from backend.common import limits
from backend.common.text import clean_text, control_characters


class PlainTextField(serializers.CharField):
    """A string of plain text with a maximum length (required: every text has a limit)."""

    default_error_messages = {
        "invalid": _("Enter text, not a number, a list or an object."),
        "control_characters": _(
            "Remove the invisible control characters (such as NUL) from the text."
        ),
    }

    def __init__(self, *, max_length: int, multiline: bool = False, **kwargs: Any) -> None:
        self.multiline = multiline
        super().__init__(max_length=max_length, **kwargs)

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        value = clean_text(data, multiline=self.multiline)
        if control_characters(value, multiline=self.multiline):
            self.fail("control_characters")
        return str(super().to_internal_value(value))


def model_text(model: type[models.Model], name: str, **kwargs: Any) -> PlainTextField:
    """A PlainTextField whose limit is the model field's max_length (declared there, once).
    A TextField gives multi-line text, a CharField a single line."""
    field = model._meta.get_field(name)
    max_length = getattr(field, "max_length", None)
    if max_length is None:
        raise ImproperlyConfigured(f"{model.__name__}.{name} declares no max_length.")
    multiline = isinstance(field, models.TextField)
    return PlainTextField(max_length=max_length, multiline=multiline, **kwargs)


class ChoiceInput(serializers.ChoiceField):
    """A choice from a list whose refusal says what to do: nothing chosen asks for a choice
    (not DRF's '"" is not a valid choice'), an unknown value is named and a choice from the
    list asked for. Pass `error_messages={"required": ...}` to say what to choose."""

    default_error_messages = {
        "invalid_choice": _(
            "“{input}” is not one of the options. Choose one of the options in the list."
        ),
        "required": _("Choose one of the options in the list."),
        "null": _("Choose one of the options in the list."),
    }

    def __init__(self, **kwargs: Any) -> None:
        required = kwargs.get("error_messages", {}).get("required")
        if required is not None:
            kwargs["error_messages"] = {"null": required, **kwargs["error_messages"]}
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> Any:
        if data == "" and not self.allow_blank:
            self.fail("required")
        return super().to_internal_value(data)


class WebAddressField(serializers.URLField):
    """An http(s) address that fits the model's column."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", limits.URL)
        super().__init__(**kwargs)
        # Replace DRF's URLValidator (which also allows ftp) with an http(s)-only one.
        self.validators = [v for v in self.validators if not isinstance(v, URLValidator)] + [
            URLValidator(schemes=["http", "https"], message=_("Enter an http(s) address."))
        ]

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return str(super().to_internal_value(data))


class DateTimeField(serializers.DateTimeField):
    """DRF's DateTimeField, refusing control characters: Python's ISO parser stops at a NUL
    byte and would accept "2030-03-01T09:00+01:00\\x00anything"."""

    def to_internal_value(self, value: Any) -> Any:
        if isinstance(value, str) and control_characters(value, multiline=False):
            formats = getattr(self, "input_formats", api_settings.DATETIME_INPUT_FORMATS)
            self.fail("invalid", format=humanize_datetime.datetime_formats(formats))
        return super().to_internal_value(value)


class BoundedManyRelatedField(ManyRelatedField):
    """A list of primary keys, refused before any lookup when it is longer than
    `max_length` (each key is one query)."""

    default_error_messages = {
        "max_length": _("Choose at most %(max)d."),
    }

    def __init__(self, *, max_length: int, **kwargs: Any) -> None:
        self.max_length = max_length
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> list[Any]:
        if isinstance(data, list) and len(data) > self.max_length:
            raise serializers.ValidationError(
                self.error_messages["max_length"] % {"max": self.max_length}, code="max_length"
            )
        return list(super().to_internal_value(data))


def bounded_many(child: RelatedField, *, max_length: int, **kwargs: Any) -> BoundedManyRelatedField:  # type: ignore[type-arg]
    """Many of `child` (a relation field), at most `max_length` of them."""
    return BoundedManyRelatedField(child_relation=child, max_length=max_length, **kwargs)
