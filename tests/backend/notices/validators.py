"""The official validators, offline: the eForms SDK's XSD (fetched by scripts/eforms-sdk.sh
into var/eforms-sdk/) and libcoveocds with the vendored OCDS 1.1.5 schema."""

import io
import json
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

from backend.notices.mapping import EFORMS_SDK_VERSION

ROOT = Path(__file__).resolve().parents[3]
SDK = ROOT / "var" / "eforms-sdk" / EFORMS_SDK_VERSION / "eforms-sdk"
PIN_XSD = SDK / "schemas" / "maindoc" / "UBL-PriorInformationNotice-2.3.xsd"
OCDS_STANDARD = Path(__file__).parent / "ocds_standard"


@cache
def pin_schema() -> etree.XMLSchema:
    assert PIN_XSD.is_file(), f"{PIN_XSD} is missing: run scripts/eforms-sdk.sh install"
    return etree.XMLSchema(etree.parse(str(PIN_XSD)))


def xsd_errors(xml: bytes) -> list[str]:
    schema = pin_schema()
    ok = schema.validate(etree.fromstring(xml))
    return [] if ok else [f"{e.line}: {e.message}" for e in schema.error_log]


def notice_type_fields(subtype: str) -> set[str]:
    """Every field id the SDK's notice type `subtype` lists (its form's content)."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("contentType") == "field":
                found.add(node["id"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads((SDK / "notice-types" / f"{subtype}.json").read_text(encoding="utf-8")))
    return found


@cache
def _standard_zip() -> bytes:
    """The vendored schema as the ZIP of the standard's repository libcoveocds reads."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("standard-1__1__5/", "")
        for path in sorted((OCDS_STANDARD / "schema").rglob("*")):
            if path.is_file():
                archive.write(path, f"standard-1__1__5/{path.relative_to(OCDS_STANDARD)}")
    return buffer.getvalue()


def ocds_report(package: dict[str, Any]) -> dict[str, Any]:
    """libcoveocds' report on a release package (schema errors, additional fields, checks)."""
    from libcoveocds.api import ocds_json_output
    from libcoveocds.config import LibCoveOCDSConfig

    config = LibCoveOCDSConfig({"standard_zip": _standard_zip(), "context": "api"})
    return ocds_json_output("", None, None, json_data=package, lib_cove_ocds_config=config)
