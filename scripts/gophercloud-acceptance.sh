#!/usr/bin/env bash
# gophercloud's own Block Storage v3 acceptance tests
# (internal/acceptance/openstack/blockstorage/v3, build tag "acceptance"),
# compiled from the Go module cache at run time (nothing of gophercloud is
# committed here), run against cindertest and, when OS_AUTH_URL is set,
# against that real cloud; then a per-test table, real vs emulator.
#
#   scripts/gophercloud-acceptance.sh            # emulator, plus the cloud of the OS_* environment if any
#   GC_REAL=0 scripts/gophercloud-acceptance.sh  # emulator only
#
# It fails when a test that passes on the real cloud does not pass on the
# emulator. Tests that need services the test cloud lacks (Nova, Glance,
# a second project through Keystone admin) fail on both and are listed.
set -euo pipefail

GC_VERSION=${GC_VERSION:-v2.15.0}
GC_TIMEOUT=${GC_TIMEOUT:-900}   # seconds, per backend
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
emu_pid=""
cleanup() { [ -n "$emu_pid" ] && kill "$emu_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dir=$(cd "$work" && go mod download -json "github.com/gophercloud/gophercloud/v2@$GC_VERSION" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$dir" ] || { echo "gophercloud-acceptance: module $GC_VERSION not found in the module cache" >&2; exit 1; }
cp -r "$dir/." "$work/gc" && chmod -R u+w "$work/gc"
pkg=internal/acceptance/openstack/blockstorage/v3
(cd "$work/gc" && go test -c -tags acceptance -o "$work/bs3.test" "./$pkg")
go build -o "$work/cinder-emulator" "$root/cmd/cinder-emulator"

# run NAME: runs the suite with the current OS_* environment into $work/NAME.txt.
run() {
	export OS_TENANT_NAME=${OS_PROJECT_NAME:-admin} OS_DOMAIN_NAME=${OS_USER_DOMAIN_NAME:-Default}
	export OS_BRANCH=${OS_BRANCH:-stable/zed}   # the test cloud is Zed
	(cd "$work/gc/$pkg" && timeout "$GC_TIMEOUT" "$work/bs3.test" -test.v -test.timeout "$((GC_TIMEOUT - 10))s" \
		>"$work/$1.txt" 2>&1) || true
	grep -E '^--- (PASS|FAIL|SKIP)' "$work/$1.txt" | awk '{print $3, $2}' | tr -d ':' | sort >"$work/$1.res" || true
}

real=0
if [ "${GC_REAL:-1}" != 0 ] && [ -n "${OS_AUTH_URL:-}" ]; then
	real=1
	(run real)
fi
"$work/cinder-emulator" -port 0 -print-env=false -env-file "$work/emu.env" 2>/dev/null &
emu_pid=$!
for _ in $(seq 50); do [ -s "$work/emu.env" ] && break; sleep 0.1; done
(
	unset $(env | sed -n 's/^\(OS_[A-Z_]*\)=.*/\1/p')
	# shellcheck disable=SC1091
	. "$work/emu.env"
	run emulator
)

printf '%-40s %-6s %-6s\n' test real emulator
bad=0
for t in $(cat "$work"/*.res | awk '{print $1}' | sort -u); do
	e=$(awk -v t="$t" '$1==t{print $2}' "$work/emulator.res")
	r=-
	[ "$real" = 1 ] && r=$(awk -v t="$t" '$1==t{print $2}' "$work/real.res")
	printf '%-40s %-6s %-6s\n' "$t" "${r:--}" "${e:--}"
	if [ "$r" = PASS ] && [ "$e" != PASS ]; then bad=1; fi
done
if [ "$bad" = 1 ]; then
	echo "gophercloud-acceptance: a test that passes on the real cloud does not pass on cindertest" >&2
	grep -E -B3 '^--- FAIL' "$work/emulator.txt" >&2 || true
	exit 1
fi
