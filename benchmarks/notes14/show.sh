#!/bin/sh
# Drafts every notes file in a folder (default: this one) at the moment its first comment
# line names: show.sh [FOLDER] [GLOB]
cd "${1:-$(dirname "$0")}"
for f in ${2:-*.yaml}; do
  now=$(sed -n 's/^# now: //p' "$f" | head -1)
  echo "=================== $f (now $now)"
  writer draft "$f" --now "$now" 2>&1
done
