#!/usr/bin/env bash
# catalogue.sh generates a client for every service model of a catalogue
# (the aws/api-models-aws layout, <service>/service/<version>/<service>-<version>.json)
# whose protocol is one of PROTOCOLS, each into its own scratch module outside
# this repository, then builds it, vets it and runs its generated tests
# (endpoints_test.go, protocol_test.go). One line per service, then the count.
# Too long for CI; run it by hand:
#
#	make catalogue CATALOGUE=/path/to/api-models-aws
#	scripts/catalogue.sh [-p awsJson1_0,awsJson1_1] [-o DIR] [-s svc,svc] [-k] CATALOGUE
#
# A scratch module requires gosmith's dependencies at gosmith's versions and
# gets the runtime vendored beside the client (-runtime auto), exactly as a
# user's module would; everything runs offline from the module cache.
set -u -o pipefail

usage() {
	cat >&2 <<'EOF'
usage: scripts/catalogue.sh [-p PROTOCOLS] [-o DIR] [-s SERVICES] [-k] CATALOGUE

  -p PROTOCOLS  comma-separated protocols to take (default awsJson1_0,awsJson1_1)
  -o DIR        where the scratch modules and logs go (default: a new temp dir)
  -s SERVICES   comma-separated service names: only these
  -k            keep the scratch modules of services that pass (failing ones are always kept)
EOF
	exit 2
}

protocols=awsJson1_0,awsJson1_1
out=
only=
keep=false
while getopts 'p:o:s:k' opt; do
	case $opt in
	p) protocols=$OPTARG ;;
	o) out=$OPTARG ;;
	s) only=,$OPTARG, ;;
	k) keep=true ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || usage
catalogue=$(cd "$1" && pwd) || exit 2
repo=$(cd "$(dirname "$0")/.." && pwd)
[ -n "$out" ] || out=$(mktemp -d "${TMPDIR:-/tmp}/gosmith-catalogue.XXXXXX")
mkdir -p "$out/logs" && out=$(cd "$out" && pwd)
case $out/ in "$repo"/*)
	echo "catalogue: -o $out is inside the repository; the scratch modules must live outside it" >&2
	exit 2 ;;
esac

export GOFLAGS="-mod=mod ${GOFLAGS:-}" GOPROXY=off GOWORK=off
codegen=$out/codegen
if ! (cd "$repo" && go build -o "$codegen" ./codegen); then
	echo "catalogue: cannot build the generator" >&2
	exit 1
fi

# Every scratch module requires what gosmith's go.mod requires.
requires=$(sed -n '/^require (/,/^)/p; /^require [^(]/p' "$repo/go.mod")

# protocolOf prints the model's protocol trait (the first one, by name).
protocolOf() {
	grep -oE '"aws\.protocols#(awsJson1_0|awsJson1_1|restJson1|restXml|awsQuery|ec2Query)"' "$1" |
		head -n 1 | sed 's/.*#//; s/"$//'
}

# firstError prints the line of log $1 most likely to say what went wrong at
# stage $2: the first line matching the stage's patterns, tried in turn, else
# the first line that is not a warning, a package header or a summary.
firstError() {
	local patterns lines
	case $2 in
	generate) patterns=('^codegen: ') ;;
	test) patterns=('^\s+[A-Za-z0-9_]+_test\.go:[0-9]+: ' '^(panic|fatal error): ' '^\s*--- FAIL') ;;
	*) patterns=('\.go:[0-9]+:[0-9]+: ') ;;
	esac
	lines=$(grep -vE '^(codegen: warning: |#|ok|FAIL|\?)' "$1")
	{
		for p in "${patterns[@]}"; do grep -m 1 -E "$p" <<<"$lines"; done
		echo "$lines"
	} | head -n 1 | sed 's/^[[:space:]]*//' | cut -c1-300
}

start=$SECONDS
total=0
passed=0
skippedOps=0
skippedWaiters=0
failed=()
declare -A seen
while IFS= read -r model; do
	rel=${model#"$catalogue"/}
	name=${rel%%/*}
	if [ -n "${seen[$name]:-}" ]; then # a second version of a service
		version=${rel#*/service/}
		name=$name-${version%%/*}
	fi
	seen[$name]=1
	[ -z "$only" ] || [[ $only == *,$name,* ]] || continue
	proto=$(protocolOf "$model")
	[[ ,$protocols, == *,$proto,* ]] || continue
	total=$((total + 1))

	t0=$SECONDS
	mod=$out/$name
	log=$out/logs/$name.log
	rm -rf "$mod" && mkdir -p "$mod"
	printf 'module example.com/catalogue/%s\n\ngo 1.26\n\n%s\n' "$name" "$requires" >"$mod/go.mod"
	cp "$repo/go.sum" "$mod/go.sum"
	: >"$log"
	stage=
	for s in generate build vet test; do
		echo "== $s" >>"$log"
		case $s in
		generate) cmd=("$codegen" -model "$model" -out "$mod/client") ;;
		build) cmd=(go build ./...) ;;
		vet) cmd=(go vet ./...) ;;
		test) cmd=(go test -count=1 ./...) ;;
		esac
		if ! (cd "$mod" && "${cmd[@]}") >"$log.stage" 2>&1; then
			stage=$s
		fi
		cat "$log.stage" >>"$log"
		[ -z "$stage" ] || break
	done
	ops=$(grep -c '^codegen: warning: operation' "$log")
	waiters=$(grep -c '^codegen: warning: waiter' "$log")
	skippedOps=$((skippedOps + ops))
	skippedWaiters=$((skippedWaiters + waiters))
	notes="$((SECONDS - t0))s"
	[ "$ops" -eq 0 ] || notes="$notes, $ops operations skipped"
	[ "$waiters" -eq 0 ] || notes="$notes, $waiters waiters skipped"
	if [ -z "$stage" ]; then
		passed=$((passed + 1))
		printf '%-34s ok   (%s)\n' "$name" "$notes"
		$keep || rm -rf "$mod"
	else
		failed+=("$name")
		printf '%-34s FAIL %s: %s (%s)\n' "$name" "$stage" "$(firstError "$log.stage" "$stage")" "$notes"
	fi
	rm -f "$log.stage"
done < <(find "$catalogue" -path '*/service/*' -name '*.json' | sort)

elapsed=$((SECONDS - start))
echo
echo "$passed of $total services generate, build, vet and pass ($protocols) in $((elapsed / 60))m$((elapsed % 60))s"
echo "skipped with a warning: $skippedOps operations, $skippedWaiters waiters; logs in $out/logs"
[ ${#failed[@]} -eq 0 ] || echo "failed: ${failed[*]}"
[ "$passed" -eq "$total" ]
