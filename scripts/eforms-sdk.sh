#!/usr/bin/env bash
# The official eForms SDK for the notice tests: fetched once from Maven Central with Maven
# (like Elasticsearch), unpacked into var/eforms-sdk/<version>/ (gitignored). The tests read
# its XSD schemas and notice types there and never download anything.
#
#   scripts/eforms-sdk.sh install    fetch and unpack (no-op when already there)
#   scripts/eforms-sdk.sh path       print the unpacked SDK's directory
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
POM="$ROOT/tools/eforms-sdk/pom.xml"
VERSION=$(sed -n 's:.*<eforms-sdk.version>\(.*\)</eforms-sdk.version>.*:\1:p' "$POM")
DEST="$ROOT/var/eforms-sdk/$VERSION"

log() { printf '[eforms-sdk] %s\n' "$*" >&2; }

install() {
  [[ -s $DEST/.complete ]] && return 0
  mkdir -p "$ROOT/var/eforms-sdk"
  local tmp; tmp=$(mktemp -d "$ROOT/var/eforms-sdk/.fetch.XXXXXX")
  log "fetching eu.europa.ted.eforms:eforms-sdk:$VERSION with Maven"
  mvn -B -q -Dstyle.color=never -f "$POM" dependency:copy \
    -Dartifact="eu.europa.ted.eforms:eforms-sdk:$VERSION:jar" -DoutputDirectory="$tmp" ||
    { rm -rf "$tmp"; log "ERROR: could not fetch eforms-sdk $VERSION"; exit 1; }
  # Only what the tests read: the schemas, the notice types, the schematrons and the licence.
  unzip -q "$tmp/eforms-sdk-$VERSION.jar" 'eforms-sdk/schemas/*' 'eforms-sdk/notice-types/*' \
    'eforms-sdk/schematrons/static/*' 'eforms-sdk/LICENSE' 'eforms-sdk/VERSION' -d "$tmp/unpacked"
  echo "$VERSION" >"$tmp/unpacked/.complete"
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
