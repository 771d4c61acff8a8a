package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// TestTLSVerifiedByDefaultCACertEnvInsecure: through an HTTPS front with
// a private certificate, the CLI refuses by default (x509), and works with
// OS_CACERT, with --os-cacert, and with --insecure.
func TestTLSVerifiedByDefaultCACertEnvInsecure(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(srv.Close)
	front, ca, n := tlsFront(t, srv)
	env := srv.Env("admin")
	env["OS_AUTH_URL"] = strings.Replace(env["OS_AUTH_URL"], srv.URL(), front, 1)
	cli := func(extra map[string]string, args ...string) (string, string, int) {
		e := map[string]string{}
		for k, v := range env {
			e[k] = v
		}
		for k, v := range extra {
			e[k] = v
		}
		var out, errb bytes.Buffer
		code := run(t.Context(), args, e, &out, &errb)
		return out.String(), errb.String(), code
	}

	_, stderr, code := cli(nil, "list")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "certificate", "verified by default: the private CA is unknown")
	assert.Equal(t, 1, strings.Count(stderr, "\n"), stderr)

	for name, tc := range map[string]struct {
		env  map[string]string
		args []string
	}{
		"OS_CACERT":   {map[string]string{"OS_CACERT": ca}, []string{"list"}},
		"--os-cacert": {nil, []string{"--os-cacert", ca, "list"}},
		"--insecure":  {nil, []string{"--insecure", "list"}},
	} {
		before := n.Load()
		out, stderr, code := cli(tc.env, tc.args...)
		require.Equal(t, 0, code, "%s: %s", name, stderr)
		assert.Contains(t, out, "| ID ", name)
		assert.GreaterOrEqual(t, n.Load()-before, int32(2), "%s: Keystone and Cinder both over TLS", name)
	}
}
