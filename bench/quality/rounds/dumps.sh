#!/bin/bash
# Question dumps for a blind round: ingest each set of notes into its own database, then `questions --json`.
#   bash bench/quality/rounds/dumps.sh OUTDIR [FRESH_DIR]      (after `npm run build`)
# Sets: dev = ../shared/corpus/dev, seeds = ../shared/seeds/*, notes = notes/, fresh = FRESH_DIR (optional: the
# four public repositories kept apart, fetched outside the project — see README "How good the questions are").
set -euo pipefail
OUT=$1; FRESH=${2:-}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
mkdir -p "$OUT"; cd "$ROOT"
dump() { rm -f "$OUT/$1.db"*; node bin/awsquiz.js ingest "${@:2}" --db "$OUT/$1.db" >/dev/null; node bin/awsquiz.js questions --json --db "$OUT/$1.db" > "$OUT/$1.json"; echo "$1 $(node -e "console.log(JSON.parse(require('fs').readFileSync('$OUT/$1.json','utf8')).length)")"; }
dump dev ../shared/corpus/dev
dump seeds ../shared/seeds/*
dump notes notes
if [ -n "$FRESH" ]; then dump fresh "$FRESH"; fi
