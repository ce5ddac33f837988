#!/usr/bin/env bash
# Fuzz parse_article for a total time budget, restarting after each finding so that one
# crash does not end the run. Findings go to $WORK/findings, the log to $WORK/fuzz.log.
#
#   bash fuzz/run.sh [SECONDS] [WORK]      (defaults: 1800, /tmp/articlekit-fuzz)
set -uo pipefail
cd "$(dirname "$0")/.."
budget="${1:-1800}"
work="${2:-/tmp/articlekit-fuzz}"
python="${PYTHON:-python}"
mkdir -p "$work/corpus" "$work/findings"
"$python" fuzz/make_seeds.py "$work/seeds"
end=$(( $(date +%s) + budget ))
run=0
while [ "$(date +%s)" -lt "$end" ]; do
  run=$(( run + 1 ))
  left=$(( end - $(date +%s) ))
  echo "== run $run: ${left}s left" >>"$work/fuzz.log"
  nice -n 10 "$python" fuzz/fuzz_parse.py "$work/corpus" "$work/seeds" \
    -max_total_time="$left" -timeout=30 -rss_limit_mb=3072 -max_len=65536 \
    -artifact_prefix="$work/findings/" -print_final_stats=1 >>"$work/fuzz.log" 2>&1
  echo "== exit $?" >>"$work/fuzz.log"
done
grep -h "stat::number_of_executed_units" "$work/fuzz.log" | awk '{s += $2} END {print "executions:", s}'
ls "$work/findings"
