#!/usr/bin/env bash
# Measures the speed and memory targets of the README's "Measuring" section with the release binary,
# one command at a time, and prints one line each: wall, user and system CPU, peak RSS, the load
# average when it started, and the target.
#
#   scripts/measure-targets.sh [large|import|batch|all]… [--work DIR] [--input-cache warm|cold|as-is]
#
# - large:  `build --stage court` of generated cases of 10,000 and 100,000 invoices
#           (target: under 2 s; under 20 s within 1 GB);
# - import: `import csv` and `import fec` of generated 100,000-line ledgers (target: under 2 s each);
# - batch:  `batch --jobs 2` of 10,000 generated debtors, as folders and as zips (target: under 6 s).
#
# Inputs are generated once into the work folder (default /tmp/recouvre-targets, on the disk: the
# figures count the file system's work) by scripts/make-*.py. Each run writes into a new folder of
# $work/runs/, and the folders of earlier runs are deleted only at the end: on ext4, creating files
# just after deleting thousands costs more (the allocator skips inodes freed in the last minutes), so
# a run started within about five minutes of the previous one is slower than it would be.
# --input-cache: the inputs' state before each run. `warm` (the default): every input file is read
# once just before, so that it is in the page cache (an input just written or just read); `cold`: the
# page cache is dropped first (`echo 3 > /proc/sys/vm/drop_caches`, root only: the binary, forms/ and
# the inputs then come from the disk, as for a ledger written days ago); `as-is`: nothing is done (on
# a virtual machine that pages out what was not touched for a minute, a mix of both).
# Needs the release build (`swift build -c release --product recouvre`) and GNU time (Debian: `apt-get
# install time`). The machine's other load changes wall times: run it on an idle machine, and read
# the CPU times, which move less.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=/tmp/recouvre-targets
cache=warm
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
    --work) work=$2; shift 2 ;;
    --input-cache)
        cache=$2; shift 2
        case "$cache" in warm | cold | as-is) ;; *) echo "--input-cache: warm, cold or as-is" >&2; exit 2 ;; esac ;;
    large | import | batch) targets+=("$1"); shift ;;
    all) targets+=(large import batch); shift ;;
    *) echo "usage: scripts/measure-targets.sh [large|import|batch|all]… [--work DIR] [--input-cache warm|cold|as-is]" >&2; exit 2 ;;
    esac
done
[ ${#targets[@]} -eq 0 ] && targets=(large import batch)

bin="$root/.build/release/recouvre"
[ -x "$bin" ] || { echo "no release binary: run 'swift build -c release --product recouvre' first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }
export RECOUVRE_FORMS="$root/forms"
mkdir -p "$work/runs"
out="$work/runs/$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$out"

# prepare INPUT: puts the input file or folder in the state --input-cache asks for.
prepare() {
    case "$cache" in
    warm) find "$1" -type f -print0 | xargs -0 -P 8 -n 500 cat >/dev/null ;;
    cold)
        sync
        if ! { echo 3 >/proc/sys/vm/drop_caches; } 2>/dev/null; then
            echo "--input-cache cold needs root (/proc/sys/vm/drop_caches)" >&2
            exit 1
        fi
        ;;
    esac
}

# measure NAME TARGET INPUT COMMAND…: runs the command once on INPUT prepared by `prepare`, its output
# in $work/NAME.log.
measure() {
    local name=$1 target=$2
    prepare "$3"
    shift 3
    local load
    load=$(cut -d' ' -f1 /proc/loadavg)
    if ! /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1; then
        echo "$name: failed (see $work/$name.log)" >&2
        tail -5 "$work/$name.log" >&2
        return 1
    fi
    read -r wall user sys rss <"$work/$name.time"
    printf '%-22s %7.2f s wall %7.2f s user %6.2f s sys %7.0f MB  load %-5s  input %-5s  target: %s\n' \
        "$name" "$wall" "$user" "$sys" "$((rss / 1024))" "$load" "$cache" "$target"
}

for target in "${targets[@]}"; do
    case "$target" in
    large)
        for n in 10000 100000; do
            [ -f "$work/large$n/case.yaml" ] || python3 "$root/scripts/make-large-case.py" "$n" "$work/large$n/case.yaml" --court
            limit="under 2 s"
            [ "$n" = 100000 ] && limit="under 20 s, 1 GB"
            measure "build $n invoices" "$limit" "$work/large$n" \
                "$bin" build "$work/large$n/case.yaml" --stage court --out "$out/large$n"
        done
        ;;
    import)
        [ -f "$work/ledgers/ledger-100000.csv" ] || python3 "$root/scripts/make-ledger.py" 100000 --out "$work/ledgers" >/dev/null
        for kind in csv fec; do
            file="$work/ledgers/ledger-100000.csv"
            [ "$kind" = fec ] && file="$work/ledgers/ledger-100000.fec.txt"
            measure "import $kind 100,000" "under 2 s" "$file" \
                "$bin" import "$kind" "$file" --creditor "$root/fixtures/import/creancier.yaml" --out "$out/import-$kind"
        done
        ;;
    batch)
        [ -d "$work/batch10000" ] || python3 "$root/scripts/make-batch.py" 10000 "$work/batch10000" >/dev/null
        measure "batch 10,000" "under 6 s" "$work/batch10000" "$bin" batch "$work/batch10000" --out "$out/batch" --jobs 2
        help=$("$bin" batch --help 2>&1 || true)  # not piped into grep -q: pipefail would see batch's SIGPIPE
        if [[ "$help" == *"--zip"* ]]; then
            measure "batch 10,000 --zip" "under 6 s" "$work/batch10000" \
                "$bin" batch "$work/batch10000" --out "$out/batch-zip" --jobs 2 --zip
        fi
        ;;
    esac
done

# The earlier runs' outputs, now that nothing is measured any more (see the header).
find "$work/runs" -mindepth 1 -maxdepth 1 ! -path "$out" -exec rm -rf {} +
echo "outputs: $out (deleted by the next run, after it has measured)"
