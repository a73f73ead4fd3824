#!/bin/sh
# Regenerates src/main/resources/org/ser4j/data/corpus/crema-d-sexes.csv: the 91 CREMA-D actors' sexes (facts:
# actor id -> M/F), taken from the corpus's VideoDemographics.csv. Nothing else of that file is copied.
# Usage: scripts/make-crema-d-sexes.sh /path/to/VideoDemographics.csv   (run from ser4j-data/)
set -eu
csv=${1:-../../shared/corpora/CREMA-D-metadata/VideoDemographics.csv}
out=src/main/resources/org/ser4j/data/corpus/crema-d-sexes.csv
{
  echo "ActorID,Sex"
  tail -n +2 "$csv" | tr -d '"\r' | awk -F, '{ s = ($3 == "Male") ? "M" : ($3 == "Female") ? "F" : "?"; print $1 "," s }'
} > "$out"
echo "wrote $out ($(($(wc -l < "$out") - 1)) actors)"
