package main

import (
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cinder "github.com/gocinder/cinder"
)

// optionsFor parses args (global options and a command) with env and
// returns the client options they make.
func optionsFor(t *testing.T, env map[string]string, args ...string) (cinder.Options, error) {
	t.Helper()
	a := &app{env: env, stdout: io.Discard, stderr: io.Discard}
	a.root = a.newRoot()
	cmd, rest, err := a.root.Find(normalizeArgs(a.root, args))
	require.NoError(t, err)
	require.NoError(t, cmd.ParseFlags(rest))
	require.NoError(t, a.resolveGlobals(cmd))
	return a.options()
}

var pwEnv = map[string]string{"OS_AUTH_URL": "http://ks/v3", "OS_USERNAME": "u", "OS_PASSWORD": "p", "OS_PROJECT_NAME": "pr"}

func TestNoAuthStrategy(t *testing.T) {
	o, err := optionsFor(t, map[string]string{"OS_USERNAME": "u", "OS_PROJECT_ID": "p1"},
		"--os-auth-strategy", "noauth", "--os-endpoint", "http://c/v3/p1", "list")
	require.NoError(t, err)
	assert.Equal(t, "http://c/v3/p1", o.Endpoint)
	assert.Equal(t, cinder.Auth{Token: "u:p1"}, o.Auth)

	o, err = optionsFor(t, map[string]string{"OS_AUTH_STRATEGY": "noauth", "OS_URL": "http://c/v3/x"}, "list")
	require.NoError(t, err)
	assert.Equal(t, "http://c/v3/x", o.Endpoint, "--os-url is the endpoint without --os-endpoint")

	_, err = optionsFor(t, nil, "--os-auth-strategy", "noauth", "list")
	assert.ErrorContains(t, err, "--os-endpoint")
}

func TestKeystoneauthOptionsNeedAuthType(t *testing.T) {
	// cinderclient reads --os-domain-name, --os-system-scope … only through
	// keystoneauth, i.e. with an explicit --os-auth-type
	o, err := optionsFor(t, pwEnv, "--os-domain-name", "d", "--os-trust-id", "tr", "list")
	require.NoError(t, err)
	auth := o.Auth
	assert.Empty(t, auth.DomainName)
	assert.Empty(t, auth.TrustID)

	o, err = optionsFor(t, pwEnv, "--os-auth-type", "password", "--os-domain-name", "d", "--os-trust-id", "tr",
		"--os-system-scope", "all", "--os-default-domain-name", "dd", "list")
	require.NoError(t, err)
	auth = o.Auth
	assert.Equal(t, "d", auth.DomainName)
	assert.Equal(t, "tr", auth.TrustID)
	assert.True(t, auth.SystemScope)
	assert.Equal(t, "dd", auth.UserDomainName)
	assert.Equal(t, "dd", auth.ProjectDomainName)
}

func TestPasswordPrompt(t *testing.T) {
	env := map[string]string{"OS_AUTH_URL": "http://ks/v3", "OS_USERNAME": "u", "OS_PROJECT_NAME": "pr"}
	saved := promptPassword
	t.Cleanup(func() { promptPassword = saved })

	promptPassword = func() (string, bool) { return "typed", true }
	o, err := optionsFor(t, env, "list")
	require.NoError(t, err)
	assert.Equal(t, "typed", o.Auth.Password)

	promptPassword = func() (string, bool) { return "", false } // no terminal
	_, err = optionsFor(t, env, "list")
	assert.EqualError(t, err, "You must provide a password through --os-password, env[OS_PASSWORD] or, prompted response.")
}
