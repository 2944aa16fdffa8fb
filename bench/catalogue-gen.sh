#!/usr/bin/env bash
# Time generating a client for every JSON-protocol model of a catalogue
# (aws/api-models-aws layout: <service>/service/<version>/<service>-<version>.json),
# one generator run per model, one after the other — what a user's
# `go generate ./...` over one directive per service does (go generate runs
# its directives serially).
#
#	bash bench/catalogue-gen.sh CATALOGUE
#
# The generator is built once (go build -o, as a user installs it); only its
# runs are timed. Each client is written into a fresh scratch module outside
# the repository (so it gets the vendored runtime, -runtime auto, as a user's
# module does). Nothing is built or tested: scripts/catalogue.sh does that.
#
# Environment (all optional):
#   PROTOCOLS  comma-separated protocols to take (default
#              awsJson1_0,awsJson1_1,restJson1)
#   RUNS       how many times to time the whole catalogue (default 3)
#   OUT        scratch directory (default: a new temp dir, removed at the end)
#   CODEGEN    a prebuilt generator to time instead of building this tree's
#   KEEP       1 keeps the generated tree of the last run as OUT/gen
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: bash bench/catalogue-gen.sh CATALOGUE" >&2; exit 2; }
catalogue=$(cd "$1" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
GO=${GO:-go}
PROTOCOLS=${PROTOCOLS:-awsJson1_0,awsJson1_1,restJson1}
RUNS=${RUNS:-3}
KEEP=${KEEP:-0}
if [ -n "${OUT:-}" ]; then
	mkdir -p "$OUT"
	OUT=$(cd "$OUT" && pwd)
else
	OUT=$(mktemp -d "${TMPDIR:-/tmp}/gosmith-catgen.XXXXXX")
	trap 'rm -rf "$OUT"' EXIT
fi
case $OUT/ in "$repo"/*)
	echo "catalogue-gen: OUT=$OUT is inside the repository; the scratch module must live outside it" >&2
	exit 2 ;;
esac

codegen=${CODEGEN:-}
if [ -z "$codegen" ]; then
	codegen=$OUT/codegen
	(cd "$repo" && $GO build -o "$codegen" ./codegen)
fi

# The models to generate, in a stable order, with their protocol.
models=()
while IFS= read -r m; do
	proto=$(grep -oE '"aws\.protocols#(awsJson1_0|awsJson1_1|restJson1|restXml|awsQuery|ec2Query)"' "$m" |
		head -n 1 | sed 's/.*#//; s/"$//')
	[[ ,$PROTOCOLS, == *,$proto,* ]] && models+=("$m")
done < <(find "$catalogue" -path '*/service/*' -name '*.json' | sort)

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ)  $($GO version)  nproc=$(nproc)  GOMAXPROCS=${GOMAXPROCS:-unset}  load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   gosmith $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'), generator $codegen"
echo "   ${#models[@]} models ($PROTOCOLS) from $catalogue"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# genall DIR: one generator run per model into DIR/<service>[-<version>].
genall() {
	local dir=$1 m rel name
	declare -A seen=()
	mkdir -p "$dir"
	printf 'module example.com/catgen\n\ngo 1.26\n' >"$dir/go.mod"
	for m in "${models[@]}"; do
		rel=${m#"$catalogue"/}
		name=${rel%%/*}
		if [ -n "${seen[$name]:-}" ]; then
			rel=${rel#*/service/}
			name=$name-${rel%%/*}
		fi
		seen[$name]=1
		"$codegen" -model "$m" -out "$dir/$name" >/dev/null 2>>"$OUT/warnings.log" ||
			{ echo "catalogue-gen: $name failed (see $OUT/warnings.log)" >&2; return 1; }
	done
}

# Each run writes into a directory of its own, and the trees are removed
# only after the last run: on an ext4 without a journal (as on the VM this
# was written on), creating tens of thousands of files within minutes of
# deleting as many makes the kernel search past every recently freed inode
# (perf showed ext4's inode search as the largest part of a run's time when
# measured that way), which is not what a user's generation pays. Other
# work freeing files on the same disk has the same effect: see
# BENCHMARKS.md, "Catalogue scale". Each run starts
# after a sync, so no earlier run's writes are flushed during it.
# Wall time is the target; CPU time (user+sys of the generator runs) is
# printed too, as it moves less than wall time when other work shares the
# cores.
times=()
cpus=()
TIMEFORMAT='%R %U %S'
for i in $(seq "$RUNS"); do
	: >"$OUT/warnings.log"
	rm -rf "$OUT/gen.$i"
	sync
	load=$(cut -d' ' -f1-3 /proc/loadavg)
	{ time genall "$OUT/gen.$i" 2>&3; } 3>&2 2>"$OUT/time.txt"
	read -r real user sys <"$OUT/time.txt"
	times+=("$real")
	cpus+=("$(echo "$user + $sys" | bc -l)")
	printf '   run %d: wall %.2f s, cpu %.2f s (user %s, sys %s)  (load before: %s, after: %s)\n' \
		"$i" "$real" "${cpus[-1]}" "$user" "$sys" "$load" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
last=$OUT/gen.$RUNS
files=$(find "$last" -name '*.go' | wc -l)
bytes=$(find "$last" -name '*.go' -print0 | du -cb --files0-from=- | tail -n 1 | cut -f1)
echo "   wrote $files .go files, $bytes bytes per run; $(grep -c '^codegen: warning' "$OUT/warnings.log" || true) warnings"
printf '   wall (s): %s\n' "${times[*]}"
echo "   wall median: $(printf '%s\n' "${times[@]}" | median) s, min $(printf '%s\n' "${times[@]}" | sort -n | head -n 1), max $(printf '%s\n' "${times[@]}" | sort -n | tail -n 1)   (target < 30 s)"
printf '   cpu (s): %s\n' "${cpus[*]}"
echo "   cpu median: $(printf '%s\n' "${cpus[@]}" | median) s"
for i in $(seq "$RUNS"); do
	[ "$KEEP" = 1 ] && [ "$i" = "$RUNS" ] && { rm -rf "$OUT/gen" && mv "$last" "$OUT/gen"; continue; }
	rm -rf "$OUT/gen.$i"
done
