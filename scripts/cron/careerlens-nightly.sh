#!/usr/bin/env bash
# CareerLens nightly run for cron: sets the environment, refuses to overlap (flock), keeps a dated
# log per night (older ones rotated away), and reports the exit status in one line (mailed when
# CAREERLENS_MAILTO is set and `mail` exists; otherwise printed, which cron mails to MAILTO).
# `careerlens-nightly.sh maintain` runs the weekly maintenance the same way instead (small files
# compacted, unused files removed from the warehouse; it shares the nightly's flock, so the two
# never overlap).
#
# Settings (environment, all optional):
#   CAREERLENS_HOME     installation folder            (default: two levels above this script)
#   CAREERLENS_CONFIG   configuration file             (default: $CAREERLENS_HOME/sample-data/careerlens.yaml)
#   CAREERLENS_CRON_LOGS  folder of the nightly logs   (default: $CAREERLENS_HOME/var/cron)
#   CAREERLENS_LOG_DAYS   days of logs kept            (default: 30)
#   CAREERLENS_MAILTO     address for the status line
#   JAVA_HOME, CAREERLENS_JAVA_OPTS (default -Xmx4g -XX:+UseParallelGC), CAREERLENS_CLASS_ARCHIVE (off: no class archive)
# Extra arguments go to `careerlens nightly` (e.g. --as-of 2026-11-20 to re-run a night).
set -uo pipefail

command=nightly
if [ "${1:-}" = "maintain" ]; then
  command=maintain
  shift
fi

home="${CAREERLENS_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
config="${CAREERLENS_CONFIG:-$home/sample-data/careerlens.yaml}"
logs="${CAREERLENS_CRON_LOGS:-$home/var/cron}"
keep="${CAREERLENS_LOG_DAYS:-30}"
export PATH="/usr/local/bin:/usr/bin:/bin:${PATH:-}"
export LANG="${LANG:-C.UTF-8}"

mkdir -p "$logs"
log="$logs/$command-$(date +%F).log"
find "$logs" \( -name 'nightly-*.log' -o -name 'maintain-*.log' \) -mtime +"$keep" -delete 2>/dev/null

(
  if ! flock -n 9; then
    echo "$(date -Is) another CareerLens run from cron is still going; this one ($command) does not start" >>"$log"
    exit 2
  fi
  echo "$(date -Is) starting: careerlens $command --config $config $*" >>"$log"
  "$home/scripts/careerlens" "$command" --config "$config" "$@" >>"$log" 2>&1
) 9>"$logs/.nightly.flock"
status=$?

case "$command:$status" in
  maintain:0) done_line="$(grep -o '[0-9]* tables; VACUUM ran on [0-9]*' "$log" | tail -1)"
    compacted="$(grep -o '; [0-9]* compacted' "$log" | tail -1)"; what="OK${done_line:+, $done_line}$compacted" ;;
  maintain:*) what="FAILED or did not start: no figure changed (see the log)" ;;
  *:0) what="OK, reports published" ;;
  *:3) what="finished and published, but a data-quality gate tripped: see the quarantined files in the log and the Data quality sheet" ;;
  *:2) what="did not start: bad configuration, or another run holds the lock" ;;
  *) what="FAILED: nothing was published; the previous reports are unchanged" ;;
esac
line="$(date -Is) careerlens $command on $(hostname): exit $status — $what (log: $log)"
echo "$line" >>"$log"
if [ -n "${CAREERLENS_MAILTO:-}" ] && command -v mail >/dev/null 2>&1; then
  echo "$line" | mail -s "CareerLens $command: exit $status" "$CAREERLENS_MAILTO"
else
  echo "$line"
fi
exit "$status"
