package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// TestResourceErrors checks the error paths of the snapshot, backup,
// transfer and attachment commands: one "ERROR: " line, nothing on stdout,
// the right exit status.
func TestResourceErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		args  []string
		code  int
		wants string
	}{
		{"unknown snapshot", []string{"snapshot-show", "nope"}, 1, "ERROR: No snapshot with a name or ID of 'nope' exists."},
		{"unknown backup", []string{"backup-show", "nope"}, 1, "ERROR: No volumebackup with a name or ID of 'nope' exists."},
		{"unknown transfer", []string{"transfer-show", "nope"}, 1, "ERROR: No volumetransfer with a name or ID of 'nope' exists."},
		{"unknown backup to restore", []string{"backup-restore", "nope"}, 1, "ERROR: No volumebackup with a name or ID of 'nope' exists."},
		{"unknown volume to back up", []string{"backup-create", "nope"}, 1, "ERROR: No volume with a name or ID of 'nope' exists."},
		{"unknown flag", []string{"snapshot-list", "--bogus"}, 2, "ERROR: unknown flag: --bogus (see 'cinder help snapshot-list')"},
		{"too few arguments", []string{"transfer-accept", "t"}, 2,
			`ERROR: too few arguments for "transfer-accept": expected <transfer> <auth_key> (see 'cinder help transfer-accept')`},
		{"too many arguments", []string{"snapshot-show", "a", "b"}, 2, `ERROR: unrecognized arguments for "snapshot-show": b`},
		{"bad limit", []string{"backup-list", "--limit", "x"}, 2, `ERROR: argument --limit: invalid int value: 'x' (see 'cinder help backup-list')`},
		{"negative limit", []string{"attachment-list", "--limit", "-1"}, 2, "ERROR: argument --limit: must not be negative"},
		{"bad with-count", []string{"snapshot-list", "--with-count=maybe"}, 2, "ERROR: argument --with-count: invalid boolean value: 'maybe'"},
		{"bad force", []string{"snapshot-create", "--force=maybe", "v"}, 2, "ERROR: argument --force: invalid boolean value: 'maybe'"},
		{"bad multipath", []string{"attachment-update", "--multipath", "sometimes", "a"}, 2, "ERROR: argument --multipath: invalid boolean value: 'sometimes'"},
		{"bad mode", []string{"attachment-create", "--mode", "rx", "v"}, 2, "ERROR: argument --mode: invalid choice: 'rx'"},
		{"bad metadata", []string{"snapshot-metadata-update-all", "s", "=v"}, 2, `ERROR: "=v" is not key=value`},
		{"manageable-list needs a host", []string{"snapshot-manageable-list"}, 2, "ERROR: one of the arguments <host> --cluster is required (and only one)"},
		{"attachment command too old", []string{"--os-volume-api-version", "3.26", "attachment-list"}, 2,
			"ERROR: attachment-list requires API version 3.27 or later; this client uses 3.26"},
		{"backup-update too old", []string{"--os-volume-api-version", "3.8", "backup-update", "--name", "n", "b"}, 2,
			"ERROR: backup-update requires API version 3.9 or later; this client uses 3.8"},
		{"transfer filters too old", []string{"--os-volume-api-version", "3.51", "transfer-list", "--filters", "a=b"}, 1,
			"ERROR: '--filters' argument is only allowed since microversion 3.52."},
		{"snapshot force false from 3.66", []string{"--os-volume-api-version", "3.66", "snapshot-create", "--force", "False", "v"}, 1,
			"ERROR: snapshot-create --force False is supported up to API version 3.65; this client uses 3.66"},
		{"group snapshot reset too old", []string{"--os-volume-api-version", "3.18", "reset-state", "--type", "group-snapshot", "g"}, 1,
			"ERROR: reset-state --type group-snapshot requires API version 3.19 or later; this client uses 3.18"},
		{"bad reset type", []string{"reset-state", "--type", "qos", "g"}, 2, "ERROR: argument --type: invalid choice: 'qos'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := cindertest.NewServer(cindertest.Options{})
			t.Cleanup(srv.Close)
			var out, errb bytes.Buffer
			code := run(t.Context(), tc.args, srv.Env("admin"), &out, &errb)
			assert.Equal(t, tc.code, code, errb.String())
			assert.Empty(t, out.String())
			assert.Contains(t, errb.String(), tc.wants)
			lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
			assert.Len(t, lines, 1, errb.String())
		})
	}
}

// TestAmbiguousNames: a name shared by several resources is refused with
// cinderclient's message, and the ID still works.
func TestAmbiguousNames(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(srv.Close)
	env := srv.Env("admin")
	cli := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := run(t.Context(), args, env, &out, &errb)
		return strings.TrimSpace(out.String()), errb.String(), code
	}
	_, e, code := cli("create", "--name", "v", "--wait", "1")
	require.Equal(t, 0, code, e)
	var ids []string
	for range 2 {
		id, e, code := cli("-f", "value", "-c", "id", "snapshot-create", "--name", "dup", "--wait", "v")
		require.Equal(t, 0, code, e)
		ids = append(ids, id)
		_, e, code = cli("backup-create", "--name", "dup", "--wait", "v")
		require.Equal(t, 0, code, e)
	}
	for _, v := range []string{"t1", "t2"} {
		_, e, code := cli("create", "--name", v, "--wait", "1")
		require.Equal(t, 0, code, e)
		_, e, code = cli("transfer-create", "--name", "dup", v)
		require.Equal(t, 0, code, e)
	}
	for cmd, kind := range map[string]string{"snapshot-show": "snapshot", "backup-show": "volumebackup", "transfer-show": "volumetransfer"} {
		out, e, code := cli(cmd, "dup")
		assert.Equal(t, 1, code, out)
		assert.Equal(t, "ERROR: Multiple "+kind+" matches found for 'dup', use an ID to be more specific.\n", e)
	}
	out, e, code := cli("-f", "value", "-c", "name", "snapshot-show", ids[1])
	require.Equal(t, 0, code, e)
	assert.Equal(t, "dup", out)

	// bulk commands report an ambiguous name as that name's failure
	_, e, code = cli("snapshot-delete", "dup")
	assert.Equal(t, 1, code)
	assert.Equal(t, "Delete for snapshot dup failed: Multiple snapshot matches found for 'dup', use an ID to be more specific.\n"+
		"ERROR: Unable to delete any of the specified snapshots.\n", e)
	out, e, code = cli("-f", "value", "-c", "Name", "snapshot-list")
	require.Equal(t, 0, code, e)
	assert.Equal(t, "dup\ndup", out)
}
