"""The official validators, offline: the eForms SDK's XSD and schematron rules (fetched by
scripts/eforms-sdk.sh into var/eforms-sdk/, the rules compiled by SchXslt and run by Saxon HE)
and libcoveocds with the vendored OCDS 1.1.5 schema."""

import io
import json
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree
from saxonche import PySaxonProcessor, PyXsltExecutable

from backend.notices.mapping import EFORMS_SDK_VERSION

ROOT = Path(__file__).resolve().parents[3]
SDK = ROOT / "var" / "eforms-sdk" / EFORMS_SDK_VERSION / "eforms-sdk"
PIN_XSD = SDK / "schemas" / "maindoc" / "UBL-PriorInformationNotice-2.3.xsd"
SCHEMATRON = SDK / "schematrons" / "static" / "complete-validation.sch"
SCHXSLT = SDK.parent / "schxslt" / "xslt" / "2.0" / "pipeline-for-svrl.xsl"
OCDS_STANDARD = Path(__file__).parent / "ocds_standard"
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


@cache
def pin_schema() -> etree.XMLSchema:
    assert PIN_XSD.is_file(), f"{PIN_XSD} is missing: run scripts/eforms-sdk.sh install"
    return etree.XMLSchema(etree.parse(str(PIN_XSD)))


def xsd_errors(xml: bytes) -> list[str]:
    schema = pin_schema()
    ok = schema.validate(etree.fromstring(xml))
    return [] if ok else [f"{e.line}: {e.message}" for e in schema.error_log]


@dataclass(frozen=True)
class Failure:
    """A schematron rule the notice breaks: its id, where, and the test that failed."""

    rule: str
    location: str
    test: str

    @property
    def eu_language_list(self) -> bool:
        """The rule that a language code is one of the EU's official languages."""
        return "('BUL', 'CES'" in self.test


@cache
def _saxon() -> PySaxonProcessor:
    return PySaxonProcessor(license=False)


@cache
def _phase(subtype: str) -> PyXsltExecutable:
    """The SDK's rules for one notice subtype (its schematron phase), compiled once into
    var/eforms-sdk/ (seconds) and loaded once a session."""
    assert SCHXSLT.is_file(), f"{SCHXSLT} is missing: run scripts/eforms-sdk.sh install"
    compiled = SDK.parent / "compiled" / f"eforms-{subtype}.xsl"
    if not compiled.is_file():
        compiled.parent.mkdir(exist_ok=True)
        compiler = _saxon().new_xslt30_processor()
        compiler.set_parameter("phase", _saxon().make_string_value(f"eforms-{subtype}"))
        xslt = compiler.transform_to_string(
            source_file=str(SCHEMATRON), stylesheet_file=str(SCHXSLT)
        )
        compiled.write_text(xslt, encoding="utf-8")
    return _saxon().new_xslt30_processor().compile_stylesheet(stylesheet_file=str(compiled))


def schematron_failures(xml: bytes, subtype: str) -> list[Failure]:
    """The SDK's schematron rules of `subtype` the notice breaks. Doffin's Norwegian
    extension of CustomizationID (#extended#…) is taken off first, as Doffin's own filter does
    before a notice goes to TED: the EU's rules know the SDK version only."""
    text = re.sub(rb"(<cbc:CustomizationID>[^<#]*)#extended#[^<]*", rb"\1", xml)
    document = _saxon().parse_xml(xml_text=text.decode("utf-8"))
    svrl = _phase(subtype).transform_to_string(xdm_node=document)
    report = etree.fromstring(svrl.encode("utf-8"))
    return [
        Failure(f.get("id", ""), f.get("location", ""), f.get("test", ""))
        for f in report.xpath("//svrl:failed-assert", namespaces=SVRL)
    ]


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
