package main

import (
	"bytes"
	"maps"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// TestErrors checks that each kind of bad input gives one "ERROR: " line on
// stderr, nothing on stdout, and the right exit status.
func TestErrors(t *testing.T) {
	t.Parallel()
	closedPort := func(t *testing.T) string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		addr := ln.Addr().String()
		require.NoError(t, ln.Close())
		return addr
	}
	for _, tc := range []struct {
		name  string
		args  []string
		env   func(t *testing.T, srv *cindertest.Server, env map[string]string)
		code  int
		wants string
	}{
		{name: "missing password", args: []string{"list"}, code: 1,
			env:   func(_ *testing.T, _ *cindertest.Server, env map[string]string) { delete(env, "OS_PASSWORD") },
			wants: "ERROR: You must provide a password through --os-password, env[OS_PASSWORD] or, prompted response."},
		{name: "missing project", args: []string{"list"}, code: 1,
			env:   func(_ *testing.T, _ *cindertest.Server, env map[string]string) { delete(env, "OS_PROJECT_NAME") },
			wants: "ERROR: You must provide a project_id or project_name"},
		{name: "missing auth url", args: []string{"list"}, code: 1,
			env:   func(_ *testing.T, _ *cindertest.Server, env map[string]string) { delete(env, "OS_AUTH_URL") },
			wants: "ERROR: You must provide an authentication URL through --os-auth-url or env[OS_AUTH_URL]."},
		{name: "wrong password", args: []string{"list"}, code: 1,
			env:   func(_ *testing.T, _ *cindertest.Server, env map[string]string) { env["OS_PASSWORD"] = "wrong" },
			wants: "ERROR: The request you have made requires authentication. (HTTP 401) (Request-ID: req-"},
		{name: "unknown flag", args: []string{"list", "--bogus"}, code: 2,
			wants: "ERROR: unknown flag: --bogus (see 'cinder help list')"},
		{name: "unknown global flag", args: []string{"--bogus", "list"}, code: 2,
			wants: "ERROR: unknown flag: --bogus"},
		{name: "unknown command", args: []string{"frobnicate"}, code: 2,
			wants: `ERROR: invalid choice: "frobnicate" (see 'cinder help')`},
		{name: "too few arguments", args: []string{"extend", "v"}, code: 2,
			wants: `ERROR: too few arguments for "extend": expected <volume> <new_size> (see 'cinder help extend')`},
		{name: "bad size", args: []string{"create", "big"}, code: 2,
			wants: "ERROR: argument <size>: invalid int value: 'big'"},
		// a size is judged by Cinder, as in cinderclient (real Cinder's text)
		{name: "negative size", args: []string{"create", "-1"}, code: 1,
			wants: "ERROR: Invalid input for field/attribute size. Value: -1. -1 is less than the minimum of 1 (HTTP 400)"},
		{name: "no size", args: []string{"create", "--name", "x"}, code: 2,
			wants: "ERROR: Size is a required parameter if snapshot or source volume or backup is not specified."},
		{name: "bad format", args: []string{"-f", "xml", "list"}, code: 2,
			wants: "ERROR: argument -f/--format: invalid choice"},
		// python-cinderclient exits 1 on these (a CommandError, not argparse)
		{name: "bad api version", args: []string{"--os-volume-api-version", "4.1", "list"}, code: 1,
			wants: `ERROR: Invalid client version '4.1'. Major part should be '3'`},
		{name: "api version 2", args: []string{"--os-volume-api-version", "2", "list"}, code: 1,
			wants: `ERROR: Invalid client version '2.0'. Major part should be '3'`},
		{name: "malformed api version", args: []string{"--os-volume-api-version", "3.0.1", "list"}, code: 1,
			wants: `ERROR: Invalid format of client version '3.0.1'. Expected format 'X.Y', where X is a major part and Y is a minor part of version.`},
		{name: "unknown volume", args: []string{"show", "nope"}, code: 1,
			wants: "ERROR: No volume with a name or ID of 'nope' exists."},
		{name: "server error", args: []string{"list"}, code: 1,
			env: func(_ *testing.T, srv *cindertest.Server, _ map[string]string) {
				srv.Inject(cindertest.Fault{Path: "/volumes/detail", Method: http.MethodGet, Status: http.StatusInternalServerError})
			},
			wants: "ERROR: Internal Server Error (injected by cindertest) (HTTP 500) (Request-ID: req-"},
		{name: "retries 0 means no retry", args: []string{"--retries", "0", "list"}, code: 1,
			env: func(_ *testing.T, srv *cindertest.Server, _ map[string]string) {
				srv.Inject(cindertest.Fault{Path: "/volumes/detail", Method: http.MethodGet, Status: http.StatusServiceUnavailable, RetryAfter: "0", Times: 1})
			},
			wants: "(HTTP 503)"},
		{name: "unreachable keystone", args: []string{"list"}, code: 1,
			env: func(t *testing.T, _ *cindertest.Server, env map[string]string) {
				env["OS_AUTH_URL"] = "http://" + closedPort(t) + "/v3"
			},
			wants: "ERROR: Unable to establish connection to http://127.0.0.1:"},
		{name: "unreachable endpoint", args: []string{"list"}, code: 1,
			env: func(t *testing.T, _ *cindertest.Server, env map[string]string) {
				env["OS_AUTH_URL"], env["OS_TOKEN"] = "", "t"
				delete(env, "OS_PASSWORD")
				env["CINDER_ENDPOINT"] = "http://" + closedPort(t) + "/v3/p"
			},
			wants: "ERROR: Unable to establish connection to http://127.0.0.1:"},
		{name: "version-gated command", args: []string{"--os-volume-api-version", "3.39", "reimage", "v", "i"}, code: 2,
			wants: "ERROR: reimage requires API version 3.68 or later; this client uses 3.39"},
		{name: "version-gated option", args: []string{"--os-volume-api-version", "3.12", "create", "--group-id", "g", "1"}, code: 1,
			wants: "ERROR: '--group-id' argument is only allowed since microversion 3.13."},
		{name: "bulk partial failure", args: []string{"force-delete", "ghost"}, code: 1,
			wants: "Delete for volume ghost failed: No volume with a name or ID of 'ghost' exists.\nERROR: Unable to force delete any of the specified volumes."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := cindertest.NewServer(cindertest.Options{})
			t.Cleanup(srv.Close)
			env := maps.Clone(srv.Env("admin"))
			if tc.env != nil {
				tc.env(t, srv, env)
			}
			var out, errb bytes.Buffer
			code := run(t.Context(), tc.args, env, &out, &errb)
			assert.Equal(t, tc.code, code)
			assert.Empty(t, out.String())
			assert.Contains(t, errb.String(), tc.wants)
			assert.True(t, strings.HasSuffix(errb.String(), "\n"))
			assert.NotContains(t, errb.String(), "goroutine")
			lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
			assert.True(t, strings.HasPrefix(lines[len(lines)-1], "ERROR: "), errb.String())
		})
	}
}

// TestDowngradeWarning: asking for a newer microversion than the server
// has prints cinderclient's two warning lines and uses the server's.
func TestDowngradeWarning(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{MaxMicroversion: "3.50"})
	t.Cleanup(srv.Close)
	var out, errb bytes.Buffer
	code := run(t.Context(), []string{"--os-volume-api-version", "3.60", "api-version"}, srv.Env("admin"), &out, &errb)
	require.Equal(t, 0, code, errb.String())
	assert.Equal(t, "WARNING:cinderclient.shell:API version 3.60 requested, \n"+
		"WARNING:cinderclient.shell:downgrading to 3.50 based on server support.\n", errb.String())
	assert.Contains(t, out.String(), "| 3.50    |")
}

// TestNoClientCommands: help, version and bash-completion never need
// credentials nor the network.
func TestNoClientCommands(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--version"}, {"help"}, {"help", "show"}, {"show", "-h"}, {"bash-completion"}, {}} {
		var out, errb bytes.Buffer
		code := run(t.Context(), args, map[string]string{}, &out, &errb)
		assert.Equal(t, 0, code, "%v: %s", args, errb.String())
		assert.NotEmpty(t, out.String(), "%v", args)
		assert.Empty(t, errb.String(), "%v", args)
	}
}

// TestDebugLogRedacts: -d logs each request on stderr, never the password
// nor the token.
func TestDebugLogRedacts(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(srv.Close)
	env := srv.Env("admin")
	var out, errb bytes.Buffer
	code := run(t.Context(), []string{"-d", "list"}, env, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	assert.Contains(t, errb.String(), "cinder http")
	assert.Contains(t, errb.String(), "/volumes/detail")
	assert.NotContains(t, errb.String(), env["OS_PASSWORD"])
	assert.NotContains(t, errb.String(), "X-Auth-Token")
}

// TestDefaultRetriesRideOutA503 shows the other half of --retries: without
// the flag a GET that meets one 503 (Retry-After: 0) is tried again.
func TestDefaultRetriesRideOutA503(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	srv.Inject(cindertest.Fault{Path: "/volumes/detail", Method: http.MethodGet, Status: http.StatusServiceUnavailable, RetryAfter: "0", Times: 1})
	var out, errOut bytes.Buffer
	code := run(t.Context(), []string{"list"}, srv.Env("admin"), &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	assert.Contains(t, out.String(), "| ID ")
}
