#!/usr/bin/env bash
# Regenerates the example clips from synthetic speech (espeak-ng), so the repository carries no corpus audio.
# Needs Debian's espeak-ng, sox and lame.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
espeak-ng -v en-us -s 150 -w "$tmp/raw.wav" "Kids are talking by the door."
sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 speech.wav
lame --quiet -b 64 speech.wav speech.mp3
