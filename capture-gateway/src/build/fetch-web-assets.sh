#!/usr/bin/env bash
# The page's in-browser face detection, obtained at build time (never at run time, no CDN):
#   1. reuse target/npm/<tarball> or ~/.cache/lifecert/<tarball> when its sha512 matches web-assets.sha512,
#      otherwise `npm pack` it (the only step that needs the npm registry);
#   2. extract onnxruntime-web's single-threaded WebAssembly build (ort.wasm.min.js, the wasm and its loader)
#      and the face detector, landmark and head-pose models the services use (fr_detect.onnx, fr_landmark.onnx,
#      fr_pose.onnx: the page notices an action in the frames it uploads the way liveness-service reads it)
#      into <output>/vendor/, served by the gateway as static resources.
# The loader ort-wasm-simd-threaded.mjs is stored as .js: the HTTP server maps .js, not .mjs, to JavaScript,
# and browsers import modules only with a JavaScript MIME type (app.js points wasmPaths.mjs at it).
# Usage: fetch-web-assets.sh <module dir> <output dir>
set -euo pipefail
MODULE_DIR="$1"
OUT_DIR="$2/vendor"
NPM_DIR="$MODULE_DIR/target/npm"
CACHE_DIR="${LIFECERT_CACHE:-$HOME/.cache/lifecert}"
SUMS="$MODULE_DIR/web-assets.sha512"
STAMP="$OUT_DIR/.sha512"

expected() { grep -v '^#' "$SUMS" | grep " $1\$" | awk '{print $1}'; }
tarball_ok() { [ -f "$1" ] && [ "$(sha512sum "$1" | awk '{print $1}')" = "$(expected "$(basename "$1")")" ]; }

if [ -f "$STAMP" ] && cmp -s "$STAMP" "$SUMS" && [ -f "$OUT_DIR/ort/ort-wasm-simd-threaded.wasm" ] \
    && [ -f "$OUT_DIR/models/fr_detect.onnx" ] && [ -f "$OUT_DIR/models/fr_landmark.onnx" ] \
    && [ -f "$OUT_DIR/models/fr_pose.onnx" ]; then
  echo "web assets already extracted in $OUT_DIR"
  exit 0
fi

fetch() { # <package@version> <tarball>
  local pkg="$1" tarball="$2"
  mkdir -p "$NPM_DIR"
  if tarball_ok "$NPM_DIR/$tarball"; then
    echo "using $NPM_DIR/$tarball"
  elif tarball_ok "$CACHE_DIR/$tarball"; then
    echo "using cached $CACHE_DIR/$tarball"
    cp "$CACHE_DIR/$tarball" "$NPM_DIR/$tarball"
  else
    echo "packing $pkg with npm"
    rm -f "$NPM_DIR/$tarball"
    (cd "$NPM_DIR" && npm pack --silent "$pkg" >/dev/null)
    if ! tarball_ok "$NPM_DIR/$tarball"; then
      echo "ERROR: $NPM_DIR/$tarball does not match the sha512 in web-assets.sha512; refusing to use it" >&2
      rm -f "$NPM_DIR/$tarball"
      exit 1
    fi
    mkdir -p "$CACHE_DIR" && cp "$NPM_DIR/$tarball" "$CACHE_DIR/$tarball.part" && mv "$CACHE_DIR/$tarball.part" "$CACHE_DIR/$tarball"
  fi
}

fetch onnxruntime-web@1.30.0 onnxruntime-web-1.30.0.tgz
fetch faceplugin-face-recognition-js@0.0.1 faceplugin-face-recognition-js-0.0.1.tgz

rm -rf "$OUT_DIR"
mkdir -p "$OUT_DIR/ort" "$OUT_DIR/models"
tar -xzf "$NPM_DIR/onnxruntime-web-1.30.0.tgz" -C "$OUT_DIR/ort" --strip-components=2 \
  package/dist/ort.wasm.min.js package/dist/ort-wasm-simd-threaded.mjs package/dist/ort-wasm-simd-threaded.wasm
mv "$OUT_DIR/ort/ort-wasm-simd-threaded.mjs" "$OUT_DIR/ort/ort-wasm-simd-threaded.js"
tar -xzf "$NPM_DIR/faceplugin-face-recognition-js-0.0.1.tgz" -C "$OUT_DIR/models" --strip-components=2 \
  package/model/fr_detect.onnx package/model/fr_landmark.onnx package/model/fr_pose.onnx
cp "$SUMS" "$STAMP"
echo "web assets extracted to $OUT_DIR"
