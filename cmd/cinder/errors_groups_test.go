package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// TestGroupErrors checks the error paths of the group, group snapshot and
// group type commands: one "ERROR: " line, nothing on stdout, the right
// exit status.
func TestGroupErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		user  string
		args  []string
		code  int
		wants string
	}{
		{"unknown group", "admin", []string{"group-show", "nope"}, 1, "ERROR: No group with a name or ID of 'nope' exists."},
		{"unknown group to update", "admin", []string{"group-update", "--name", "n", "nope"}, 1, "ERROR: No group with a name or ID of 'nope' exists."},
		{"unknown group to snapshot", "admin", []string{"group-snapshot-create", "nope"}, 1, "ERROR: No group with a name or ID of 'nope' exists."},
		{"unknown source group", "admin", []string{"group-create-from-src", "--source-group", "nope"}, 1, "ERROR: No group with a name or ID of 'nope' exists."},
		{"unknown group to replicate", "admin", []string{"group-enable-replication", "nope"}, 1, "ERROR: No group with a name or ID of 'nope' exists."},
		{"unknown group snapshot", "admin", []string{"group-snapshot-show", "nope"}, 1, "ERROR: No groupsnapshot with a name or ID of 'nope' exists."},
		{"unknown group type", "admin", []string{"group-type-show", "nope"}, 1, "ERROR: No grouptype with a name or ID of 'nope' exists."},
		{"unknown group type to create in", "admin", []string{"group-create", "nope", "__DEFAULT__"}, 1, "(HTTP 404)"},
		{"group-list too old", "admin", []string{"--os-volume-api-version", "3.12", "group-list"}, 2,
			"ERROR: group-list requires API version 3.13 or later; this client uses 3.12"},
		{"group-type-list too old", "admin", []string{"--os-volume-api-version", "3.10", "group-type-list"}, 2,
			"ERROR: group-type-list requires API version 3.11 or later; this client uses 3.10"},
		{"group snapshots too old", "admin", []string{"--os-volume-api-version", "3.13", "group-snapshot-list"}, 2,
			"ERROR: group-snapshot-list requires API version 3.14 or later; this client uses 3.13"},
		{"replication too old", "admin", []string{"--os-volume-api-version", "3.37", "group-disable-replication", "g"}, 2,
			"ERROR: group-disable-replication requires API version 3.38 or later; this client uses 3.37"},
		{"group filters too old", "admin", []string{"--os-volume-api-version", "3.32", "group-list", "--filters", "name=g"}, 1,
			"ERROR: '--filters' argument is only allowed since microversion 3.33."},
		{"list-volume too old", "admin", []string{"--os-volume-api-version", "3.24", "group-show", "--list-volume", "g"}, 1,
			"ERROR: '--list-volume' argument is only allowed since microversion 3.25."},
		{"group snapshot status too old", "admin", []string{"--os-volume-api-version", "3.28", "group-snapshot-list", "--group-id", "g"}, 1,
			"ERROR: group-snapshot-list --group-id requires API version 3.29 or later; this client uses 3.28"},
		{"group type filters too old", "admin", []string{"--os-volume-api-version", "3.51", "group-type-list", "--filters", "is_public=true"}, 1,
			"ERROR: '--filters' argument is only allowed since microversion 3.52."},
		{"group reset too old", "admin", []string{"--os-volume-api-version", "3.19", "reset-state", "--type", "group", "g"}, 1,
			"ERROR: reset-state --type group requires API version 3.20 or later; this client uses 3.19"},
		{"demo creates a group type", "demo", []string{"group-type-create", "t"}, 1,
			"ERROR: Policy doesn't allow group:group_types:create to be performed. (HTTP 403)"},
		{"demo sets group specs", "demo", []string{"group-type-key", "default_cgsnapshot_type", "set", "a=b"}, 1, "(HTTP 403)"},
		{"demo deletes a group type", "demo", []string{"group-type-delete", "default_cgsnapshot_type"}, 1, "ERROR: Unable to delete any of the specified types."},
		{"nothing to update", "admin", []string{"group-update", "g"}, 1,
			"ERROR: At least one of the following args must be supplied: name, description, add-volumes, remove-volumes."},
		{"no source", "admin", []string{"group-create-from-src"}, 1,
			"ERROR: Cannot create group because neither group snapshot nor source group is provided."},
		{"two sources", "admin", []string{"group-create-from-src", "--group-snapshot", "s", "--source-group", "g"}, 1,
			"ERROR: Cannot create group because both group snapshot and source group are provided."},
		{"bad list-volume", "admin", []string{"group-show", "--list-volume=maybe", "g"}, 2, "ERROR: argument --list-volume: invalid boolean value: 'maybe'"},
		{"bad group type action", "admin", []string{"group-type-key", "t", "flip", "a=b"}, 2, "ERROR: argument <action>: invalid choice: 'flip'"},
		{"bad is-public", "admin", []string{"group-type-update", "--is-public", "perhaps", "t"}, 2, "ERROR: Unrecognized value 'perhaps'"},
		{"nothing to update on a type", "admin", []string{"group-type-update", "t"}, 1,
			"ERROR: Specify a new type name, description, is_public or a combination thereof."},
		{"bad is_public filter", "admin", []string{"group-type-list", "--filters", "is_public=perhaps"}, 2, "ERROR: Invalid is_public filter [perhaps]"},
		{"group-create needs volume types", "admin", []string{"group-create", "t"}, 2,
			`ERROR: too few arguments for "group-create": expected <group-type> <volume-types>`},
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
			assert.True(t, strings.HasPrefix(lines[len(lines)-1], "ERROR: "), errb.String())
			if !strings.HasPrefix(tc.name, "demo deletes") {
				assert.Len(t, lines, 1, errb.String())
			}
		})
	}
}

// TestAmbiguousGroupNames: a name shared by several groups, group
// snapshots or group types is refused with cinderclient's message, and the
// ID still works.
func TestAmbiguousGroupNames(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(srv.Close)
	env := srv.Env("admin")
	cli := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := run(t.Context(), args, env, &out, &errb)
		return strings.TrimSpace(out.String()), errb.String(), code
	}
	_, e, code := cli("group-type-create", "gt")
	require.Equal(t, 0, code, e)
	var ids []string
	for range 2 {
		id, e, code := cli("-f", "value", "-c", "id", "group-create", "--name", "dup", "gt", "__DEFAULT__")
		require.Equal(t, 0, code, e)
		ids = append(ids, id)
		_, e, code = cli("create", "--name", "v", "--volume-type", "__DEFAULT__", "--group-id", id, "--wait", "1")
		require.Equal(t, 0, code, e)
		_, e, code = cli("group-snapshot-create", "--name", "dup", id)
		require.Equal(t, 0, code, e)
	}
	for cmd, kind := range map[string]string{"group-show": "group", "group-snapshot-show": "groupsnapshot"} {
		out, e, code := cli(cmd, "dup")
		assert.Equal(t, 1, code, out)
		assert.Equal(t, "ERROR: Multiple "+kind+" matches found for 'dup', use an ID to be more specific.\n", e)
	}
	out, e, code := cli("-f", "value", "-c", "name", "group-show", ids[1])
	require.Equal(t, 0, code, e)
	assert.Equal(t, "dup", out)

	_, e, code = cli("group-delete", "dup")
	assert.Equal(t, 1, code)
	assert.Equal(t, "Delete for group dup failed: Multiple group matches found for 'dup', use an ID to be more specific.\n"+
		"ERROR: Unable to delete any of the specified groups.\n", e)
}

// TestGroupReplicationTargets: the targets are a table whose columns are
// the keys of the first target, in the server's order. The emulator has no
// replication backend, so a proxy adds two targets (in the form the real
// Cinder documents) to its empty answer.
var noTargets = regexp.MustCompile(`"replication_targets":\s*\[\]`)

func TestGroupReplicationTargets(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(srv.Close)
	u, err := url.Parse(srv.URL())
	require.NoError(t, err)
	var proxy *httptest.Server
	rp := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) { r.SetURL(u); r.Out.Host = u.Host },
		ModifyResponse: func(resp *http.Response) error {
			b, err := io.ReadAll(resp.Body)
			if err != nil {
				return err
			}
			resp.Body.Close()
			s := strings.ReplaceAll(string(b), u.Host, proxy.Listener.Addr().String())
			s = noTargets.ReplaceAllLiteralString(s, `"replication_targets": [`+
				`{"backend_id": "vendor-id-1", "unique_key": "val1"}, {"backend_id": "vendor-id-2", "unique_key": "val2"}]`)
			resp.Body = io.NopCloser(strings.NewReader(s))
			resp.ContentLength = int64(len(s))
			resp.Header.Set("Content-Length", strconv.Itoa(len(s)))
			return nil
		},
	}
	proxy = httptest.NewServer(rp)
	t.Cleanup(proxy.Close)
	env := srv.Env("admin")
	env["OS_AUTH_URL"] = strings.Replace(env["OS_AUTH_URL"], u.Host, proxy.Listener.Addr().String(), 1)
	cli := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := run(t.Context(), args, env, &out, &errb)
		return out.String(), errb.String(), code
	}
	for _, args := range [][]string{
		{"group-type-create", "gt-rep"},
		{"group-type-key", "gt-rep", "set", "group_replication_enabled=<is> True"},
		{"type-create", "vt-rep"},
		{"type-key", "vt-rep", "set", "replication_enabled=<is> True"},
		{"group-create", "--name", "grep", "gt-rep", "vt-rep"},
	} {
		_, e, code := cli(args...)
		require.Equal(t, 0, code, e)
	}
	out, e, code := cli("group-list-replication-targets", "grep")
	require.Equal(t, 0, code, e)
	assert.Equal(t, `+-------------+------------+
| backend_id  | unique_key |
+-------------+------------+
| vendor-id-1 | val1       |
| vendor-id-2 | val2       |
+-------------+------------+
`, out)
	out, e, code = cli("-f", "value", "-c", "unique_key", "group-list-replication-targets", "grep")
	require.Equal(t, 0, code, e)
	assert.Equal(t, "val1\nval2\n", out)
}
