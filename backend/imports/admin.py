"""Operators see the bulk imports: which file, how far each got, and why one stopped.
Runs are written by the import commands only."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from backend.imports.models import ImportRun


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin[ImportRun]):
    list_display = [
        "id",
        "entity",
        "file_name",
        "status",
        "rows_in_file",
        "rows_saved",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status", "entity"]
    search_fields = ["file_name", "file_sha256"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
