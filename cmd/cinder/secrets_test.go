package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cinder "github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/transfers"
	"github.com/gocinder/cinder/volumes"
)

// Distinctive secrets: any of them in any output is a leak.
const (
	secretPassword  = "Pw-d1st1nct-7f3a9c"
	secretAppCredID = "appcred-0123"
	secretAppSecret = "AppS3cret-d1st1nct-55e1"
)

// appCredKeystone stands in front of the emulator (which has no
// application credentials) and turns an application-credential
// authentication with the expected secret into the user's password one.
func appCredKeystone(t *testing.T, srv *cindertest.Server, user string) *httptest.Server {
	t.Helper()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/auth/tokens") && bytes.Contains(body, []byte("application_credential")) {
			var req struct {
				Auth struct {
					Identity struct {
						AppCred struct {
							ID     string `json:"id"`
							Secret string `json:"secret"`
						} `json:"application_credential"`
					} `json:"identity"`
				} `json:"auth"`
			}
			_ = json.Unmarshal(body, &req)
			if req.Auth.Identity.AppCred.ID != secretAppCredID || req.Auth.Identity.AppCred.Secret != secretAppSecret {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			body, _ = json.Marshal(map[string]any{"auth": map[string]any{"identity": map[string]any{
				"methods": []string{"password"}, "password": map[string]any{"user": map[string]any{
					"name": user, "password": secretPassword, "domain": map[string]string{"name": "Default"}}}}}})
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(hs.Close)
	return hs
}

// token issues a Keystone token for user from the emulator.
func issueToken(t *testing.T, srv *cindertest.Server, user string) string {
	t.Helper()
	body := `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"` + user +
		`","password":"` + secretPassword + `","domain":{"name":"Default"}}}}}}`
	resp, err := http.Post(srv.AuthURL()+"/auth/tokens", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusCreated, resp.StatusCode)
	tok := resp.Header.Get("X-Subject-Token")
	require.NotEmpty(t, tok)
	return tok
}

// secretsIn returns which of secrets occur in out.
func secretsIn(out string, secrets map[string]string) []string {
	var hits []string
	for name, s := range secrets {
		if strings.Contains(out, s) {
			hits = append(hits, name)
		}
	}
	return hits
}

// TestDebugNeverShowsSecrets runs a command of every family with --debug,
// authenticated by password, by token and by application credential, and
// greps stdout and stderr for the password, the token, the application
// credential secret and a volume transfer's auth_key. The auth_key is
// allowed in exactly one place: the stdout of transfer-create, whose job
// is to show it (as python cinder does).
func TestDebugNeverShowsSecrets(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(srv.Close)
	srv.AddUser("sec-admin", secretPassword, "sec-project", "admin")
	srv.AddUser("sec-other", secretPassword, "sec-other-project")
	ctx := t.Context()
	token := issueToken(t, srv, "sec-admin")
	ks := appCredKeystone(t, srv, "sec-admin")

	base := map[string]string{"OS_AUTH_URL": srv.AuthURL(), "OS_USER_DOMAIN_NAME": "Default",
		"OS_PROJECT_DOMAIN_NAME": "Default", "OS_REGION_NAME": srv.Env("admin")["OS_REGION_NAME"]}
	with := func(kv ...string) map[string]string {
		env := map[string]string{}
		for k, v := range base {
			env[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			env[kv[i]] = kv[i+1]
		}
		return env
	}
	auths := map[string]map[string]string{
		"password": with("OS_USERNAME", "sec-admin", "OS_PASSWORD", secretPassword, "OS_PROJECT_NAME", "sec-project"),
		"token":    with("OS_TOKEN", token, "OS_PROJECT_NAME", "sec-project"),
		"appcred": with("OS_AUTH_URL", ks.URL+"/identity/v3", "OS_APPLICATION_CREDENTIAL_ID", secretAppCredID,
			"OS_APPLICATION_CREDENTIAL_SECRET", secretAppSecret),
	}

	// A volume and a transfer to work on, made through the SDK.
	c, err := srv.ClientAs(ctx, "sec-admin", cinder.Options{})
	require.NoError(t, err)
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, Name: "sec-vol"})
	require.NoError(t, err)
	_, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
	require.NoError(t, err)
	tv, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, Name: "sec-xfer-vol"})
	require.NoError(t, err)
	_, err = c.Volumes.WaitForStatus(ctx, tv.ID, volumes.StatusAvailable, nil)
	require.NoError(t, err)

	secrets := map[string]string{"password": secretPassword, "token": token, "application credential secret": secretAppSecret}
	var authKeys []string
	var mu sync.Mutex
	check := func(t *testing.T, label string, stdout, stderr string) {
		t.Helper()
		mu.Lock()
		s := map[string]string{}
		for k, v := range secrets {
			s[k] = v
		}
		for i, k := range authKeys {
			s["transfer auth_key "+string(rune('0'+i))] = k
		}
		mu.Unlock()
		assert.Empty(t, secretsIn(stderr, s), "%s: stderr leaks a secret:\n%s", label, stderr)
		assert.Empty(t, secretsIn(stdout, s), "%s: stdout leaks a secret:\n%s", label, stdout)
	}
	cli := func(env map[string]string, args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := run(ctx, append([]string{"--debug"}, args...), env, &out, &errb)
		return out.String(), errb.String(), code
	}

	// transfer-create: its stdout shows the auth_key (the command's job),
	// its stderr must not; transfer-accept takes it as an argument.
	out, stderr, code := cli(auths["password"], "transfer-create", "--name", "sec-xfer", tv.ID)
	require.Equal(t, 0, code, stderr)
	key := regexp.MustCompile(`\|\s*auth_key\s*\|\s*(\S+)\s*\|`).FindStringSubmatch(out)
	require.NotNil(t, key, "transfer-create shows the auth_key:\n%s", out)
	authKeys = append(authKeys, key[1])
	check(t, "transfer-create (stderr)", "", stderr)
	assert.Contains(t, stderr, "level=DEBUG", "--debug logs the requests")
	xfers, err := cinder.Collect(c.Transfers.List(ctx, &transfers.ListOptions{}))
	require.NoError(t, err)
	require.Len(t, xfers, 1)

	families := [][]string{
		{"list"}, {"show", v.ID}, {"create", "--name", "sec-new", "1"}, {"rename", v.ID, "sec-renamed"},
		{"metadata", v.ID, "set", "k=v"}, {"metadata-show", v.ID}, {"extend", v.ID, "2"},
		{"snapshot-create", "--name", "sec-snap", v.ID}, {"snapshot-list"},
		{"backup-create", "--name", "sec-bak", v.ID}, {"backup-list"},
		{"transfer-list"}, {"transfer-show", xfers[0].ID},
		{"type-list"}, {"type-create", "sec-type"}, {"extra-specs-list"}, {"qos-list"}, {"qos-create", "sec-qos", "k=v"},
		{"quota-show", srv.ProjectID("sec-project")}, {"quota-defaults", srv.ProjectID("sec-project")},
		{"quota-usage", srv.ProjectID("sec-project")}, {"absolute-limits"}, {"rate-limits"},
		{"service-list"}, {"availability-zone-list"}, {"message-list"}, {"group-list"}, {"group-type-list"},
		{"attachment-list"}, {"api-version"}, {"version-list"}, {"get-pools"}, {"encryption-type-list"},
		{"show", "no-such-volume"}, // an error path
	}
	for name, env := range auths {
		t.Run(name, func(t *testing.T) {
			ok := 0
			for _, args := range families {
				out, stderr, code := cli(env, args...)
				if code == 0 {
					ok++
				}
				if args[0] == "list" {
					require.Equal(t, 0, code, "%s auth works: %s", name, stderr)
					assert.Contains(t, out, "sec-xfer-vol")
					assert.Contains(t, stderr, "level=DEBUG")
				}
				check(t, name+": cinder --debug "+strings.Join(args, " "), out, stderr)
				assert.NotContains(t, stderr, "internal error", "cinder %s", strings.Join(args, " "))
			}
			t.Logf("%s: %d of %d commands succeeded", name, ok, len(families))
			// later runs repeat the creates of names that now exist (type, QoS): a few fail
			assert.GreaterOrEqual(t, ok, len(families)-5, "the commands ran (not just failed authentication)")
		})
	}

	// transfer-accept by another project's user, auth_key on the command line
	other := with("OS_USERNAME", "sec-other", "OS_PASSWORD", secretPassword, "OS_PROJECT_NAME", "sec-other-project")
	out, stderr, code = cli(other, "transfer-accept", xfers[0].ID, authKeys[0])
	assert.Equal(t, 0, code, stderr)
	check(t, "transfer-accept", out, stderr)
	// a wrong auth_key: the error must not echo the key either
	out, stderr, code = cli(other, "transfer-accept", xfers[0].ID, "wrong-"+authKeys[0])
	assert.NotEqual(t, 0, code)
	check(t, "transfer-accept (wrong key)", out, strings.ReplaceAll(stderr, "wrong-"+authKeys[0], "wrong-…"))
}

// TestSDKDebugLogNeverShowsSecrets: the SDK with a debug slog logger,
// password and token authentication, a transfer created and accepted, a
// token revoked mid-run (re-authentication): no secret in the log.
func TestSDKDebugLogNeverShowsSecrets(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(srv.Close)
	srv.AddUser("sdk-admin", secretPassword, "sdk-project", "admin")
	srv.AddUser("sdk-other", secretPassword, "sdk-other-project")
	ctx := t.Context()
	var buf bytes.Buffer
	var mu sync.Mutex
	logger := slog.New(slog.NewJSONHandler(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return buf.Write(p)
	}), &slog.HandlerOptions{Level: slog.LevelDebug}))
	auth := func(user string) cinder.Auth {
		return cinder.Auth{AuthURL: srv.AuthURL(), Username: user, Password: secretPassword, ProjectName: user[:len(user)-len("-admin")] + "-project",
			UserDomainName: "Default", ProjectDomainName: "Default"}
	}
	c, err := cinder.New(ctx, cinder.Options{Auth: auth("sdk-admin"), Logger: logger})
	require.NoError(t, err)
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, Name: "sdk-xfer"})
	require.NoError(t, err)
	_, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
	require.NoError(t, err)
	srv.RevokeAll() // the next call re-authenticates
	x, err := c.Transfers.Create(ctx, transfers.CreateRequest{VolumeID: v.ID, Name: "sdk-xfer"})
	require.NoError(t, err)
	require.NotEmpty(t, x.AuthKey)
	token := issueToken(t, srv, "sdk-other")
	other, err := cinder.New(ctx, cinder.Options{Auth: cinder.Auth{AuthURL: srv.AuthURL(), Token: token, ProjectName: "sdk-other-project",
		ProjectDomainName: "Default"}, Logger: logger})
	require.NoError(t, err)
	_, err = other.Transfers.Accept(ctx, x.ID, x.AuthKey)
	require.NoError(t, err)
	_, err = other.Transfers.Accept(ctx, x.ID, x.AuthKey) // an error path
	require.Error(t, err)
	mu.Lock()
	log := buf.String()
	mu.Unlock()
	require.Contains(t, log, `"level":"DEBUG"`)
	assert.Empty(t, secretsIn(log, map[string]string{"password": secretPassword, "token": token, "auth_key": x.AuthKey}), log)
	assert.NotContains(t, err.Error(), x.AuthKey, "the error does not echo the auth_key")
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
