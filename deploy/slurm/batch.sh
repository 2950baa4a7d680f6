#!/bin/bash
# recouvre batch over N nodes: a Slurm job array, one task per shard.
#
#   INPUT=/shared/cases OUT=/shared/out jobid=$(sbatch --parsable --array=0-3 deploy/slurm/batch.sh)
#   INPUT=/shared/cases OUT=/shared/out sbatch --dependency=afterok:$jobid deploy/slurm/batch.sh merge
#
# Task i of an array 0-(N-1) runs `recouvre batch --shard i/N` (i = SLURM_ARRAY_TASK_ID) over the
# shared INPUT folder and writes OUT/shard-i; `batch.sh merge` joins the shard reports into
# OUT/batch-report.json. The array must start at 0 and have no gaps. Exit status 1 of a shard (some
# debtors failed: its report says which) counts as done; anything else fails the task, and
# resubmitting it resumes where it stopped.
#
# Environment: INPUT, OUT (required), AS_OF (optional, YYYY-MM-DD), RECOUVRE (the binary; default
# `recouvre` on PATH), SHARDS (default: the array's size).
#SBATCH --job-name=recouvre-batch
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --mem=512M
#SBATCH --time=01:00:00
#SBATCH --output=recouvre-batch-%A_%a.log
set -u

RECOUVRE=${RECOUVRE:-recouvre}
: "${OUT:?set OUT to the output folder}"

if [ "${1:-}" = "merge" ]; then
    "$RECOUVRE" batch-merge "$OUT"/shard-*/batch-report.json --out "$OUT/batch-report.json"
    status=$?
    [ "$status" -le 1 ] && exit 0 || exit "$status"
fi

: "${INPUT:?set INPUT to the folder of case files}"
: "${SLURM_ARRAY_TASK_ID:?run with sbatch --array=0-(N-1)}"
SHARDS=${SHARDS:-${SLURM_ARRAY_TASK_COUNT:?set SHARDS or run as an array}}
if [ "${SLURM_ARRAY_TASK_MIN:-0}" != "0" ]; then
    echo "batch.sh: the array must start at 0 (--array=0-$((SHARDS - 1))), not ${SLURM_ARRAY_TASK_MIN}" >&2
    exit 2
fi

"$RECOUVRE" batch "$INPUT" \
    --out "$OUT/shard-$SLURM_ARRAY_TASK_ID" \
    --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" \
    --jobs "${SLURM_CPUS_PER_TASK:-2}" ${AS_OF:+--as-of "$AS_OF"}
status=$?
[ "$status" -le 1 ] && exit 0 || exit "$status"
