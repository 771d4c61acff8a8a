package main

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gocinder/cinder/cindertest"
)

// TestAdminErrors checks the error paths of the service, pool, cluster,
// worker, consistency group and cgsnapshot commands: one "ERROR: " line,
// nothing on stdout, the right exit status. replay names the routes
// answered with recorded fixtures; without it the emulator answers.
func TestAdminErrors(t *testing.T) {
	t.Parallel()
	recorded := map[string]reply{
		"GET clusters":           {"clusters/error_403", http.StatusForbidden},
		"POST workers/cleanup":   {"workers/error_403", http.StatusForbidden},
		"PUT os-services/enable": {"services/error_403", http.StatusForbidden},
		// No 403 was recorded for consistency groups; a recorded policy refusal stands in.
		"GET consistencygroups/detail": {"services/error_403", http.StatusForbidden},
		"GET consistencygroups":        {"consistencygroups/list_refs", http.StatusOK},
		"GET cgsnapshots":              {"cgsnapshots/list_refs", http.StatusOK},
	}
	for _, tc := range []struct {
		name   string
		user   string
		replay map[string]reply
		args   []string
		code   int
		wants  string
	}{
		{"demo lists services", "demo", nil, []string{"service-list"}, 1,
			"ERROR: Policy doesn't allow volume_extension:services:index to be performed. (HTTP 403)"},
		{"demo lists pools", "demo", nil, []string{"get-pools"}, 1, "(HTTP 403)"},
		{"demo gets capabilities", "demo", nil, []string{"get-capabilities", "emulator@lvm"}, 1, "(HTTP 403)"},
		{"unknown capabilities host", "admin", nil, []string{"get-capabilities", "nohost@none"}, 1, "(HTTP 404)"},
		{"pool filters too old", "admin", nil, []string{"--os-volume-api-version", "3.32", "get-pools", "--filters", "a=b"}, 1,
			"ERROR: '--filters' argument is only allowed since microversion 3.33."},
		{"replication too old", "admin", nil, []string{"--os-volume-api-version", "3.6", "service-list", "--withreplication"}, 1,
			"ERROR: '--withreplication' argument is only allowed since microversion 3.7."},
		{"get-log too old", "admin", nil, []string{"--os-volume-api-version", "3.31", "service-get-log"}, 2,
			"ERROR: service-get-log requires API version 3.32 or later; this client uses 3.31"},
		{"set-log too old", "admin", nil, []string{"--os-volume-api-version", "3.31", "service-set-log", "INFO"}, 2,
			"ERROR: service-set-log requires API version 3.32 or later"},
		{"clusters too old", "admin", nil, []string{"--os-volume-api-version", "3.6", "cluster-show", "c"}, 2,
			"ERROR: cluster-show requires API version 3.7 or later"},
		{"cluster disable too old", "admin", nil, []string{"--os-volume-api-version", "3.6", "cluster-disable", "c"}, 2,
			"ERROR: cluster-disable requires API version 3.7 or later"},
		{"cleanup too old", "admin", nil, []string{"--os-volume-api-version", "3.23", "work-cleanup"}, 2,
			"ERROR: work-cleanup requires API version 3.24 or later"},
		{"bad log level", "admin", nil, []string{"service-set-log", "LOUD"}, 2, "ERROR: argument <log-level>: invalid choice: 'LOUD'"},
		{"bad resource type", "admin", nil, []string{"work-cleanup", "--resource-type", "Backup"}, 2, "ERROR: argument --resource-type: invalid choice"},
		{"bad is-up", "admin", nil, []string{"cluster-list", "--is-up", "maybe"}, 2, "ERROR: argument --is-up: invalid boolean value: 'maybe'"},
		{"too many cluster args", "admin", nil, []string{"cluster-show", "a", "b", "c"}, 2, `ERROR: unrecognized arguments for "cluster-show": c`},
		{"demo lists clusters", "demo", recorded, []string{"cluster-list"}, 1,
			"ERROR: Policy doesn't allow clusters:get_all to be performed. (HTTP 403)"},
		{"demo cleans up", "demo", recorded, []string{"work-cleanup"}, 1,
			"ERROR: Policy doesn't allow workers:cleanup to be performed. (HTTP 403)"},
		{"demo enables a service", "demo", recorded, []string{"service-enable", "h", "cinder-volume"}, 1, "(HTTP 403)"},
		{"demo lists consistency groups", "demo", recorded, []string{"consisgroup-list"}, 1, "(HTTP 403)"},
		{"unknown cluster", "admin", recorded, []string{"cluster-show", "nope"}, 1, "(HTTP 404)"},
		{"unknown consistency group", "admin", recorded, []string{"consisgroup-show", "nope"}, 1,
			"ERROR: No consistencygroup with a name or ID of 'nope' exists."},
		{"unknown cgsnapshot", "admin", recorded, []string{"cgsnapshot-show", "nope"}, 1,
			"ERROR: No cgsnapshot with a name or ID of 'nope' exists."},
		{"cgsnapshot of unknown group", "admin", recorded, []string{"cgsnapshot-create", "nope"}, 1,
			"ERROR: No consistencygroup with a name or ID of 'nope' exists."},
		{"no source", "admin", recorded, []string{"consisgroup-create-from-src"}, 1, "ERROR: Either cgsnapshot or source CG must be provided."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var env map[string]string
			if tc.replay != nil {
				env = newReplayServer(t, tc.replay).env(tc.user)
			} else {
				srv := cindertest.NewServer(cindertest.Options{})
				t.Cleanup(srv.Close)
				env = srv.Env(tc.user)
			}
			var out, errb bytes.Buffer
			code := run(t.Context(), tc.args, env, &out, &errb)
			assert.Equal(t, tc.code, code, errb.String())
			assert.Empty(t, out.String())
			assert.Contains(t, errb.String(), tc.wants)
			lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
			assert.Len(t, lines, 1, errb.String())
		})
	}
}
