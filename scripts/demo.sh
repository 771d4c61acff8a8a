#!/usr/bin/env bash
# make demo: build the CLI and the emulator, start the emulator on a free
# port, run examples/quickstart against it, then the same steps with the
# CLI, and stop the emulator (also on failure). Needs only Go.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
GO=${GO:-go}

work="$(mktemp -d "${TMPDIR:-/tmp}/cinder-demo.XXXXXX")"
emu_pid=""
cleanup() {
	rc=$?
	if [ -n "$emu_pid" ] && kill -0 "$emu_pid" 2>/dev/null; then
		kill "$emu_pid" 2>/dev/null || true
		wait "$emu_pid" 2>/dev/null || true
	fi
	if [ "$rc" != 0 ] && [ -s "$work/emulator.log" ]; then
		echo "--- emulator log ---" >&2
		tail -n 20 "$work/emulator.log" >&2
	fi
	rm -rf "$work"
	exit "$rc"
}
trap cleanup EXIT INT TERM

step() { printf '\n==> %s\n' "$*"; }

step "build bin/cinder and bin/cinder-emulator"
mkdir -p bin
$GO build -o bin/cinder ./cmd/cinder
$GO build -o bin/cinder-emulator ./cmd/cinder-emulator

step "start the emulator on a free port"
bin/cinder-emulator -port 0 -print-env=false -env-file "$work/env" 2>"$work/emulator.log" &
emu_pid=$!
for _ in $(seq 1 100); do
	[ -s "$work/env" ] && break
	kill -0 "$emu_pid" 2>/dev/null || { echo "demo: the emulator exited" >&2; exit 1; }
	sleep 0.1
done
[ -s "$work/env" ] || { echo "demo: the emulator wrote no env file" >&2; exit 1; }
# shellcheck disable=SC1091
. "$work/env"
export OS_AUTH_URL OS_USERNAME OS_PASSWORD OS_PROJECT_NAME
echo "emulator pid $emu_pid, Keystone at $OS_AUTH_URL (env file: $work/env)"

step "go run ./examples/quickstart"
$GO run ./examples/quickstart

cli() {
	printf '\n$ cinder %s\n' "$*"
	bin/cinder "$@"
}
step "the same with the CLI"
cli list
cli create --name test-vol 1
cli show test-vol
cli list
cli delete test-vol
cli list

step "done"
