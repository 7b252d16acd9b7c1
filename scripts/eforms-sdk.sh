#!/usr/bin/env bash
# The official eForms SDK for the notice tests: fetched once from Maven Central with Maven
# (like Elasticsearch), unpacked into var/eforms-sdk/<version>/ (gitignored) with SchXslt,
# which compiles its schematron rules to XSLT for Saxon. The tests read its XSD schemas,
# notice types and schematrons there and never download anything.
#
#   scripts/eforms-sdk.sh install    fetch and unpack (no-op when already there)
#   scripts/eforms-sdk.sh path       print the unpacked SDK's directory
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
POM="$ROOT/tools/eforms-sdk/pom.xml"
VERSION=$(sed -n 's:.*<eforms-sdk.version>\(.*\)</eforms-sdk.version>.*:\1:p' "$POM")
SCHXSLT=$(sed -n 's:.*<schxslt.version>\(.*\)</schxslt.version>.*:\1:p' "$POM")
DEST="$ROOT/var/eforms-sdk/$VERSION"

log() { printf '[eforms-sdk] %s\n' "$*" >&2; }

install() {
  [[ $(cat "$DEST/.complete" 2>/dev/null) == "$VERSION $SCHXSLT" ]] && return 0
  mkdir -p "$ROOT/var/eforms-sdk"
  local tmp; tmp=$(mktemp -d "$ROOT/var/eforms-sdk/.fetch.XXXXXX")
  log "fetching eu.europa.ted.eforms:eforms-sdk:$VERSION with Maven"
  mvn -B -q -Dstyle.color=never -f "$POM" dependency:copy \
    -Dartifact="eu.europa.ted.eforms:eforms-sdk:$VERSION:jar" -DoutputDirectory="$tmp" ||
    { rm -rf "$tmp"; log "ERROR: could not fetch eforms-sdk $VERSION"; exit 1; }
  # Only what the tests read: the schemas, the notice types, the schematrons and the licence.
  unzip -q "$tmp/eforms-sdk-$VERSION.jar" 'eforms-sdk/schemas/*' 'eforms-sdk/notice-types/*' \
    'eforms-sdk/schematrons/static/*' 'eforms-sdk/LICENSE' 'eforms-sdk/VERSION' -d "$tmp/unpacked"
  log "fetching name.dmaus.schxslt:schxslt:$SCHXSLT with Maven"
  mvn -B -q -Dstyle.color=never -f "$POM" dependency:copy \
    -Dartifact="name.dmaus.schxslt:schxslt:$SCHXSLT:jar" -DoutputDirectory="$tmp" ||
    { rm -rf "$tmp"; log "ERROR: could not fetch schxslt $SCHXSLT"; exit 1; }
  unzip -q "$tmp/schxslt-$SCHXSLT.jar" 'xslt/2.0/*' -d "$tmp/unpacked/schxslt"
  echo "$VERSION $SCHXSLT" >"$tmp/unpacked/.complete"
  rm -rf "$DEST"
  mv "$tmp/unpacked" "$DEST"
  rm -rf "$tmp"
  log "unpacked into $DEST"
}

case ${1:-} in
  install) install ;;
  path) echo "$DEST/eforms-sdk" ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
