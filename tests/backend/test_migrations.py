"""The models and their migrations agree: a model change without its migration fails here,
not on a user's `migrate` (choices and labels included, which the database never checks)."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_its_migration() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
