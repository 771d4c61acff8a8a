package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gocinder/cinder/cindertest"
)

// TestTypesQuotaErrors checks the error paths of the volume type, QoS,
// quota, limits, message and discovery commands: one "ERROR: " line,
// nothing on stdout, the right exit status.
func TestTypesQuotaErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		user  string
		args  []string
		code  int
		wants string
	}{
		{"unknown type", "admin", []string{"type-show", "nope"}, 1, "ERROR: No volumetype with a name or ID of 'nope' exists."},
		{"unknown type for encryption", "admin", []string{"encryption-type-show", "nope"}, 1, "ERROR: No volumetype with a name or ID of 'nope' exists."},
		{"unknown type for access", "admin", []string{"type-access-list", "--volume-type", "nope"}, 1, "ERROR: No volumetype with a name or ID of 'nope' exists."},
		{"public type access", "admin", []string{"type-access-list", "--volume-type", "__DEFAULT__"}, 1, "ERROR: Failed to get access list for public volume type."},
		{"unknown qos", "admin", []string{"qos-show", "nope"}, 1, "ERROR: No qosspecs with a name or ID of 'nope' exists."},
		{"unknown qos to delete", "admin", []string{"qos-delete", "nope"}, 1, "ERROR: No qosspecs with a name or ID of 'nope' exists."},
		{"unknown qos id", "admin", []string{"qos-get-association", "nope"}, 1, "(HTTP 404)"},
		{"unknown message", "admin", []string{"message-show", "nope"}, 1, "ERROR: No message with a name or ID of 'nope' exists."},
		{"demo creates a type", "demo", []string{"type-create", "t"}, 1, "ERROR: Policy doesn't allow volume_extension:type_create to be performed. (HTTP 403)"},
		{"demo lists qos", "demo", []string{"qos-list"}, 1, "(HTTP 403)"},
		{"demo creates qos", "demo", []string{"qos-create", "q", "a=b"}, 1, "(HTTP 403)"},
		{"demo lists encryption", "demo", []string{"encryption-type-show", "__DEFAULT__"}, 1, "(HTTP 403)"},
		{"demo lists default types", "demo", []string{"default-type-list"}, 1, "(HTTP 403)"},
		{"demo updates a class", "demo", []string{"quota-class-update", "--volumes", "1", "default"}, 1, "(HTTP 403)"},
		{"type-list filters too old", "admin", []string{"--os-volume-api-version", "3.51", "type-list", "--filters", "a=b"}, 1,
			"ERROR: '--filters' argument is only allowed since microversion 3.52."},
		{"default types too old", "admin", []string{"--os-volume-api-version", "3.61", "default-type-unset", "p"}, 2,
			"ERROR: default-type-unset requires API version 3.62 or later; this client uses 3.61"},
		{"messages too old", "admin", []string{"--os-volume-api-version", "3.2", "message-delete", "m"}, 2,
			"ERROR: message-delete requires API version 3.3 or later; this client uses 3.2"},
		{"message sort too old", "admin", []string{"--os-volume-api-version", "3.4", "message-list", "--sort", "id"}, 1,
			"ERROR: '--sort' argument is only allowed since microversion 3.5."},
		{"list-filters too old", "admin", []string{"--os-volume-api-version", "3.32", "list-filters"}, 2,
			"ERROR: list-filters requires API version 3.33 or later; this client uses 3.32"},
		{"limits of a project too old", "admin", []string{"--os-volume-api-version", "3.38", "rate-limits", "p"}, 1,
			"ERROR: rate-limits <tenant_id> requires API version 3.39 or later; this client uses 3.38"},
		{"quota groups too old", "admin", []string{"--os-volume-api-version", "3.12", "quota-update", "--groups", "1", "p"}, 1,
			"ERROR: '--groups' argument is only allowed since microversion 3.13."},
		{"no quota to update", "admin", []string{"quota-class-update", "default"}, 1, "ERROR: Must supply at least one quota field to update."},
		{"bad type action", "admin", []string{"type-key", "t", "flip", "a=b"}, 2, "ERROR: argument <action>: invalid choice: 'flip' (choose from 'set', 'unset')"},
		{"bad qos action", "admin", []string{"qos-key", "q", "flip", "a=b"}, 2, "ERROR: argument <action>: invalid choice: 'flip'"},
		{"bad is-public", "admin", []string{"type-update", "--is-public", "perhaps", "t"}, 2, "ERROR: Unrecognized value 'perhaps'"},
		{"nothing to update", "admin", []string{"type-update", "t"}, 1, "ERROR: Specify a new type name, description, is_public or a combination thereof."},
		{"bad control location", "admin", []string{"encryption-type-update", "--control-location", "side", "t"}, 2,
			"ERROR: argument --control-location: invalid choice: 'side' (choose from 'front-end', 'back-end')"},
		{"bad key size", "admin", []string{"encryption-type-create", "--key-size", "0", "t", "luks"}, 2, "ERROR: argument --key-size: must be a positive number of bits, not 0"},
		{"access needs a project", "admin", []string{"type-access-remove", "--volume-type", "t"}, 2, "ERROR: the following arguments are required: --project-id"},
		{"type quota of backups", "admin", []string{"quota-update", "--backups", "1", "--volume-type", "t", "p"}, 2,
			"ERROR: --volume-type applies to --volumes, --snapshots and --gigabytes only"},
		{"negative message limit", "admin", []string{"message-list", "--limit", "-1"}, 2, "ERROR: argument --limit: must not be negative"},
		{"too many limits args", "admin", []string{"absolute-limits", "a", "b"}, 2, `ERROR: unrecognized arguments for "absolute-limits": b`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := cindertest.NewServer(cindertest.Options{})
			t.Cleanup(srv.Close)
			var out, errb bytes.Buffer
			code := run(t.Context(), tc.args, srv.Env(tc.user), &out, &errb)
			assert.Equal(t, tc.code, code, errb.String())
			assert.Empty(t, out.String())
			assert.Contains(t, errb.String(), tc.wants)
			lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
			assert.Len(t, lines, 1, errb.String())
		})
	}
}
