#!/usr/bin/env bash
# Size and build cost of gosmith's full Storage Gateway client against
# aws-sdk-go-v2's service/storagegateway v1.43.18 (pinned in bench/go.mod).
# Run from anywhere: bash bench/size.sh   (results: stdout and bench/out/size.txt)
#
# Needs the reference model ../shared/models/storage-gateway.json beside the
# repository (skips with a message otherwise). Everything it generates goes
# under bench/gen/ (git-ignored): sgfull/ (the client), dynamodb/ (when the
# DynamoDB model is there), size/ and allops/ (the tiny programs). Measures:
#
#  1. generation time: the generator binary is built first (go build -o), then
#     only running it is timed; RUNS runs, median.
#  2. Go lines of each client: non-test .go files of the package and its
#     subpackages; raw (wc -l) and code lines (bench/cmd/loc: lines with a
#     non-comment token).
#  3. stripped binary size (go build -ldflags='-s -w') of a tiny program that
#     makes one DescribeTapeRecoveryPoints call with each client.
#  3b. the same with every method kept (a program that looks a method up
#     with reflect.Value.MethodByName, as programs using cobra or
#     text/template do: the linker then keeps every exported method of
#     every reachable type), for Storage Gateway and, when the model
#     ../shared/models/dynamodb.json is there, DynamoDB (v2
#     service/dynamodb v1.74.0): each client's share is its program's size
#     minus that of a baseline program using aws-sdk-go-v2's core as a
#     client does (credentials cache, retries, SigV4 signer, HTTP client,
#     smithy-go stack), methods kept the same way. A second baseline, and
#     client programs beside it, also use encoding/json and regexp, which
#     most programs link anyway (aws-sdk-go-v2's clients link both; since
#     af64f2e gosmith's link neither).
#  4. build time and peak memory of the client alone: its dependencies are
#     first built into a fresh GOCACHE; then, RUNS times, a copy of that cache
#     is taken and `go build` of just the client is timed with /usr/bin/time
#     -v (wall time, max RSS = the largest process, i.e. the compiler).
#     Two scopes: "tree" = the package and its subpackages (types, and for
#     v2 internal/endpoints and document), everything else pre-built; "pkg" =
#     the top-level package alone, its subpackages pre-built too.
#
# Environment: MODELS (default ../shared/models beside the repository), RUNS
# (default 3), OUT (default bench/out).
set -euo pipefail

cd "$(dirname "$0")"
BENCH=$PWD
ROOT=$(cd .. && pwd)
GO=${GO:-go}
RUNS=${RUNS:-3}
OUT=${OUT:-out}
MODELS=${MODELS:-../../shared/models}
case $MODELS in /*) ;; *) MODELS=$BENCH/$MODELS ;; esac
MODEL=$MODELS/storage-gateway.json
V2=github.com/aws/aws-sdk-go-v2/service/storagegateway
GS=github.com/gosmith/gosmith/bench/gen/sgfull

if [ ! -f "$MODEL" ]; then
	echo "skipped: $MODEL not found (size.sh needs the reference Storage Gateway model)"
	exit 0
fi
if [ ! -x /usr/bin/time ]; then
	echo "size.sh needs GNU time (/usr/bin/time): apt-get update && apt-get install -y time" >&2
	exit 1
fi
mkdir -p "$OUT"
exec > >(tee "$OUT/size.txt") 2>&1

TMP=$(mktemp -d)
trap 'chmod -R u+w "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ)  $($GO version)  nproc=$(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   gosmith $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') (+ working tree), model $MODEL"

# 1. Generation time. -fake=false: v2 has no fake package, so like is
# compared with like (the fake is a package of its own, built only by tests).
echo "== 1. generation time (generator prebuilt: go build -o \$TMP/codegen ./codegen)"
(cd "$ROOT" && $GO build -o "$TMP/codegen" ./codegen)
gen_times=()
for i in $(seq "$RUNS"); do
	s=$(date +%s.%N)
	(cd "$ROOT" && "$TMP/codegen" -model "$MODEL" -out bench/gen/sgfull -fake=false >"$TMP/gen.log")
	e=$(date +%s.%N)
	gen_times+=("$(echo "$e - $s" | bc -l)")
done
tail -n 1 "$TMP/gen.log"
sed -n 2p "$TMP/gen.log"
printf '   runs (s): %s\n' "${gen_times[*]}"
echo "   median: $(printf '%s\n' "${gen_times[@]}" | median) s"

V2DIR=$($GO list -m -f '{{.Dir}}' $V2)

# 2. Lines.
echo "== 2. Go lines (non-test .go files, package + subpackages)"
$GO run ./cmd/loc gen/sgfull "$V2DIR" >"$TMP/loc.txt"
read -r _ gs_files gs_raw gs_code < <(sed -n 1p "$TMP/loc.txt")
read -r _ v2_files v2_raw v2_code < <(sed -n 2p "$TMP/loc.txt")
echo "   gosmith gen/sgfull: $gs_files files, $gs_raw lines (wc -l), $gs_code code lines"
echo "   v2 $V2DIR: $v2_files files, $v2_raw lines (wc -l), $v2_code code lines"
echo "   wc -l check: gosmith $(find gen/sgfull -name '*.go' ! -name '*_test.go' -print0 | xargs -0 cat | wc -l), v2 $(find "$V2DIR" -name '*.go' ! -name '*_test.go' -print0 | xargs -0 cat | wc -l)"
echo "   ratio raw $(echo "scale=3; $gs_raw / $v2_raw" | bc), code $(echo "scale=3; $gs_code / $v2_code" | bc)   (target <= 0.5)"
echo "   for scale, gosmith's shared runtime (not generated, not counted above): $($GO run ./cmd/loc "$ROOT/internal/protocol" | awk '{print $3 " lines, " $4 " code lines in " $2 " files"}')"

# 3. Stripped binary size.
echo "== 3. stripped binary (go build -ldflags='-s -w'), one DescribeTapeRecoveryPoints call"
mkdir -p gen/size/gosmith gen/size/v2 gen/size/gosmith1op
prog() { # $1 import path of the client package
	cat <<EOF
// Written by bench/size.sh: one DescribeTapeRecoveryPoints call.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	sg "$1"
)

func main() {
	c := sg.New(sg.Options{
		Region: "us-east-1",
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: os.Getenv("AK"), SecretAccessKey: os.Getenv("SK")}, nil
		}),
	})
	out, err := c.DescribeTapeRecoveryPoints(context.Background(), &sg.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(os.Getenv("GW"))})
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println(len(out.TapeRecoveryPointInfos))
}
EOF
}
prog $GS >gen/size/gosmith/main.go
prog $V2 >gen/size/v2/main.go
prog github.com/gosmith/gosmith/service/storagegateway >gen/size/gosmith1op/main.go
for p in gosmith v2 gosmith1op; do
	$GO build -ldflags='-s -w' -o "$TMP/$p" ./gen/size/$p
done
gs_bin=$(stat -c %s "$TMP/gosmith")
v2_bin=$(stat -c %s "$TMP/v2")
echo "   gosmith (full client, gen/sgfull): $gs_bin bytes"
echo "   v2 ($V2 v1.43.18): $v2_bin bytes"
echo "   gosmith (committed one-operation service/storagegateway): $(stat -c %s "$TMP/gosmith1op") bytes"
echo "   ratio $(echo "scale=3; $gs_bin / $v2_bin" | bc)   (target <= 0.7)"
# An empty program with the same imports as a floor.
mkdir -p gen/size/floor
cat >gen/size/floor/main.go <<'EOF'
// Written by bench/size.sh: net/http + aws core, no service client.
package main

import (
	"fmt"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

func main() { fmt.Println(aws.String("x"), v4.NewSigner(), http.DefaultClient) }
EOF
$GO build -ldflags='-s -w' -o "$TMP/floor" ./gen/size/floor
echo "   floor (fmt + net/http + aws core + SigV4 signer, no client): $(stat -c %s "$TMP/floor") bytes"

# 3b. Every method kept.
echo "== 3b. stripped binary, every method kept (reflect.Value.MethodByName), share over a baseline"
allops() { # $1 import path of the client package; $2, $3 as for baseline
	cat <<EOF
// Written by bench/size.sh: a client with every method kept, as in a
// program that looks methods up by name with reflect (cobra, text/template).
package main

import (
	"context"
	"fmt"
	"os"
	"reflect"
$2
	"github.com/aws/aws-sdk-go-v2/aws"
	svc "$1"
)

func main() {
	c := svc.New(svc.Options{
		Region: "us-east-1",
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: os.Getenv("AK"), SecretAccessKey: os.Getenv("SK")}, nil
		}),
	})
	fmt.Println(reflect.ValueOf(c).MethodByName(os.Getenv("METHOD")).IsValid())
$3
}
EOF
}
# baseline IMPORTS USES: aws-sdk-go-v2's core used as a client uses it,
# methods kept the same way, plus what IMPORTS and USES add.
baseline() {
	cat <<EOF
// Written by bench/size.sh: aws-sdk-go-v2's core as a client uses it
// (credentials cache, retries, SigV4, the HTTP client, smithy-go's stack),
// no service client; methods kept by name as in the client programs.
package main

import (
	"context"
	"fmt"
	"os"
	"reflect"
$1
	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

func main() {
	creds := aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: os.Getenv("AK"), SecretAccessKey: os.Getenv("SK")}, nil
	}))
	stack := middleware.NewStack("op", smithyhttp.NewStackRequest)
	err := stack.Finalize.Add(retry.NewAttemptMiddleware(retry.NewStandard(), smithyhttp.RequestCloner), middleware.After)
	if err == nil {
		err = awsmiddleware.AddRequestIDRetrieverMiddleware(stack)
	}
	h := middleware.DecorateHandler(smithyhttp.NewClientHandler(awshttp.NewBuildableClient()), stack)
	_, _, err2 := h.Handle(context.Background(), nil)
	m := reflect.ValueOf(v4.NewSigner()).MethodByName(os.Getenv("METHOD"))
	fmt.Println(m.IsValid(), creds, err, err2)
$2
}
EOF
}
# The second baseline, and every client program beside it, also uses
# encoding/json and regexp.
json_imports=$'\t"encoding/json"\n\t"regexp"\n'
json_uses=$'\tb, _ := json.Marshal(os.Args)\n\tfmt.Println(string(b), regexp.MustCompile(os.Getenv("RE")).MatchString("x"))'
clients="sg:$GS:$V2"
DDB_MODEL=$MODELS/dynamodb.json
if [ -f "$DDB_MODEL" ]; then
	(cd "$ROOT" && "$TMP/codegen" -model "$DDB_MODEL" -out bench/gen/dynamodb -import github.com/gosmith/gosmith/bench/gen/dynamodb >/dev/null)
	clients="$clients ddb:github.com/gosmith/gosmith/bench/gen/dynamodb:github.com/aws/aws-sdk-go-v2/service/dynamodb"
else
	echo "   (DynamoDB skipped: $DDB_MODEL not found)"
fi
progs=""
for base in core json; do
	imports="" uses=""
	if [ $base = json ]; then imports=$json_imports uses=$json_uses; fi
	mkdir -p gen/allops/$base
	baseline "$imports" "$uses" >gen/allops/$base/main.go
	progs="$progs $base"
	for c in $clients; do
		IFS=: read -r name gs v2 <<<"$c"
		for impl in gs:$gs v2:$v2; do
			p=${impl%%:*}$name-$base
			mkdir -p gen/allops/$p
			allops "${impl#*:}" "$imports" "$uses" >gen/allops/$p/main.go
			progs="$progs $p"
		done
	done
done
for p in $progs; do
	$GO build -ldflags='-s -w' -o "$TMP/allops-$p" ./gen/allops/$p
done
allops_size() { stat -c %s "$TMP/allops-$1"; }
echo "   baselines: core (aws-sdk-go-v2's core as a client uses it) $(allops_size core) bytes; json (the same using encoding/json and regexp) $(allops_size json) bytes"
for c in $clients; do
	name=${c%%:*}
	for base in core json; do
		b=$(allops_size $base) gs=$(allops_size gs$name-$base) v2=$(allops_size v2$name-$base)
		echo "   $name over $base: gosmith $gs - $b = $((gs - b)), v2 $v2 - $b = $((v2 - b)); ratio $(echo "scale=3; ($gs - $b) / ($v2 - $b)" | bc)   (target <= 0.5)"
	done
done

# 4. Build time and peak memory.
echo "== 4. go build of the client alone, deps prebuilt in a fresh GOCACHE; $RUNS runs each, median"
# buildcost NAME SCOPE PKGS...: deps of PKGS not among PKGS go into a fresh
# cache; then each run copies it and times `go build PKGS`.
buildcost() {
	local name=$1 scope=$2
	shift 2
	local pkgs=("$@") deps cache=$TMP/cache-$name-$scope
	mapfile -t deps < <($GO list -deps "${pkgs[@]}" | grep -vxF -f <(printf '%s\n' "${pkgs[@]}"))
	GOCACHE=$cache $GO build "${deps[@]}"
	local walls=() rss=()
	for i in $(seq "$RUNS"); do
		rm -rf "$TMP/run" && cp -a "$cache" "$TMP/run"
		GOCACHE=$TMP/run /usr/bin/time -v -o "$TMP/time.txt" $GO build "${pkgs[@]}"
		walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for (j=1;j<=n;j++) s=s*60+t[j]; print s}' "$TMP/time.txt")")
		rss+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' "$TMP/time.txt")")
	done
	local w r
	w=$(printf '%s\n' "${walls[@]}" | median)
	r=$(printf '%s\n' "${rss[@]}" | median)
	echo "   $name $scope (${#pkgs[@]} packages, ${#deps[@]} deps prebuilt): wall ${walls[*]} s -> median $w s; max RSS ${rss[*]} KiB -> median $r KiB"
	eval "${name}_${scope}_wall=$w ${name}_${scope}_rss=$r"
}
mapfile -t gs_tree < <($GO list $GS/...)
mapfile -t v2_tree < <($GO list $V2/...)
buildcost gs tree "${gs_tree[@]}"
buildcost v2 tree "${v2_tree[@]}"
buildcost gs pkg $GS
buildcost v2 pkg $V2
echo "   ratio tree: wall $(echo "scale=3; $gs_tree_wall / $v2_tree_wall" | bc), max RSS $(echo "scale=3; $gs_tree_rss / $v2_tree_rss" | bc)   (target <= 0.5)"
echo "   ratio pkg:  wall $(echo "scale=3; $gs_pkg_wall / $v2_pkg_wall" | bc), max RSS $(echo "scale=3; $gs_pkg_rss / $v2_pkg_rss" | bc)   (target <= 0.5)"
echo "== done $(date -u +%Y-%m-%dT%H:%M:%SZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
