#!/usr/bin/env bash
# sdk-duplicates.sh [REV] — count repeated code in the SDK's non-test Go code:
# the root package, the resource packages and internal/ (no *_test.go, no
# cmd/, cindertest/, integration/, bench/, examples/, testdata). It copies
# those files of REV (default: the working tree) into a temporary directory
# and runs `duplicates` there, so the figure is reproducible:
#   scripts/sdk-duplicates.sh            # the working tree
#   scripts/sdk-duplicates.sh 9617a13    # an older commit
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
rev=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "$rev" ]; then
	files=$(git ls-tree -r --name-only "$rev")
else
	files=$(git ls-files; git ls-files --others --exclude-standard)
fi
printf '%s\n' "$files" | grep '\.go$' | grep -v '_test\.go$' |
	grep -Ev '^(cmd|cindertest|integration|bench|examples|scripts|testdata)/|/testdata/|^internal/(testutil|record|apiwalk|fakecinder)/' |
	sort -u | while read -r f; do
		mkdir -p "$tmp/$(dirname "$f")"
		if [ -n "$rev" ]; then git show "$rev:$f" >"$tmp/$f"; else cp "$f" "$tmp/$f"; fi
	done
duplicates --repo "$tmp" --most 200 --seconds 120
