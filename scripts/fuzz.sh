#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (built by the asan preset, build/asan) for a bounded
# time each. scripts/test.sh calls it with 20 seconds; run it longer by hand to look deeper:
#   scripts/fuzz.sh                 every target, 20 s each
#   scripts/fuzz.sh 120             every target, 2 minutes each
#   scripts/fuzz.sh 300 csv_import  one target
# Every crash, timeout (an input over 10 s), leak or out-of-memory input is written to
# tests/fuzz/regressions/<target>/ (commit it: ctest replays it on every run, fuzz.<target>),
# and the script exits 1 after running the other targets. EXPLORER_FUZZ_SEED fixes libFuzzer's
# seed (scripts/test.sh sets it), so a test run explores the same inputs on every run of the same
# code: what CI finds, a developer finds again with the same command. New interesting inputs go to a
# scratch corpus, build/asan/fuzz-corpus/<target>, never to the committed seeds.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/env.sh

seconds=${1:-20}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(dataset_loader csv_import view_state view_state_json data_export reader_preferences decimal_number)

if [ "${EXPLORER_SKIP_BUILD:-0}" != 1 ]; then
  cmake --preset asan >/dev/null
  cmake --build --preset asan
fi

dictionary_for() {
  case "$1" in
    csv_import) echo tests/fuzz/dictionaries/csv.dict ;;
    view_state) echo tests/fuzz/dictionaries/hash.dict ;;
    *) echo tests/fuzz/dictionaries/json.dict ;;
  esac
}

# Findings are reported, not hidden: a sanitizer report stops the target on the spot.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=()
for target in "${targets[@]}"; do
  binary=build/asan/tests/fuzz/fuzz_$target
  [ -x "$binary" ] || { echo "fuzz: no $binary (unknown target?)" >&2; exit 2; }
  scratch=build/asan/fuzz-corpus/$target
  regressions=tests/fuzz/regressions/$target
  log=build/asan/fuzz-logs/$target.log
  mkdir -p "$scratch" "$regressions" "$(dirname "$log")"
  before=$(ls "$regressions" | wc -l)
  status=0
  "$binary" "$scratch" "tests/fuzz/corpus/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
    -dict="$(dictionary_for "$target")" -artifact_prefix="$regressions/" -print_final_stats=1 \
    ${EXPLORER_FUZZ_SEED:+-seed=$EXPLORER_FUZZ_SEED} \
    > "$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  after=$(ls "$regressions" | wc -l)
  if [ "$status" -ne 0 ] || [ "$after" -ne "$before" ]; then
    echo "fuzz $target: FAILED (exit $status) after ${runs:-?} runs; new inputs in $regressions:" >&2
    ls -t "$regressions" | head -n $((after - before > 0 ? after - before : 1)) >&2
    grep -E -A25 '^==[0-9]+==ERROR|runtime error|deadly signal|ALARM|out-of-memory|Test unit written' "$log" | head -60 >&2 || tail -40 "$log" >&2
    failed+=("$target")
  else
    echo "fuzz $target: ${runs:-?} runs in ${seconds}s, ${coverage:-cov: ?}, no finding"
  fi
done

if ((${#failed[@]})); then
  echo "fuzz: findings in ${failed[*]} (logs in build/asan/fuzz-logs/); commit the new files of tests/fuzz/regressions/ with the fix" >&2
  exit 1
fi
