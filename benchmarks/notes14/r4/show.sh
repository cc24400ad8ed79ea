#!/bin/sh
# Drafts every own round-4 notes file here at the moment its first comment line names.
cd "$(dirname "$0")"
for f in ${1:-*.yaml}; do
  now=$(sed -n 's/^# now: //p' "$f" | head -1)
  echo "=================== $f (now $now)"
  writer draft "$f" --now "$now" 2>&1
done
