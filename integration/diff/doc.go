// Package diff is the differential harness of the cinder CLI: every command
// line of its table runs through python-cinderclient's `cinder` and through
// ours, against the same real Keystone + Cinder, each behind a recording
// proxy, and the two runs are compared on
//
//  1. the Cinder requests (method, path, query as a set, OpenStack-API-Version,
//     JSON body parsed);
//  2. stdout, with IDs, dates and request ids normalised;
//  3. the exit status;
//  4. the first line of stderr.
//
// A difference fails the test unless ALLOWLIST names it with its reason.
// The test is behind the build tag "diff", so `go test ./...` stays offline:
//
//	. /tmp/os/openrc      # the admin user of a real cloud, DEMO_OS_* for the demo user
//	make diff             # or: go test -tags diff -count=1 ./integration/diff/
//	CINDER_DIFF_RUN='^show-name' go test -tags diff -count=1 -parallel 8 ./integration/diff/
//
// Lines run -parallel at once (go test's flag; its default, GOMAXPROCS, is
// far too few: a line mostly waits for the cloud); a line listing resources
// no project owns runs alone.
// Environment: OS_* and DEMO_OS_* as in openrc; CINDER_DIFF_PYTHON (default
// /usr/bin/cinder) is the reference. Every line runs in a project of its own
// (created and removed by the harness), so lines run in parallel without
// seeing each other's volumes, and the admin project's quota is untouched.
package diff
