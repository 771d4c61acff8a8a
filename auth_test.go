package cinder_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
)

// osVars are every variable FromEnv and clouds.yaml loading read. Tests
// that set them must not be parallel: the environment is process-global.
var osVars = []string{
	"OS_AUTH_URL", "OS_USERNAME", "OS_USER_NAME", "OS_USER_ID", "OS_USERID", "OS_PASSWORD",
	"OS_USER_DOMAIN_NAME", "OS_USER_DOMAIN_ID", "OS_PROJECT_NAME", "OS_TENANT_NAME", "OS_PROJECT_ID", "OS_TENANT_ID",
	"OS_PROJECT_DOMAIN_NAME", "OS_PROJECT_DOMAIN_ID", "OS_DOMAIN_NAME", "OS_DOMAIN_ID", "OS_SYSTEM_SCOPE",
	"OS_TOKEN", "OS_AUTH_TOKEN", "OS_APPLICATION_CREDENTIAL_ID", "OS_APPLICATION_CREDENTIAL_NAME",
	"OS_APPLICATION_CREDENTIAL_SECRET", "OS_CLOUD", "OS_CLIENT_CONFIG_FILE", "OS_REGION_NAME", "OS_INTERFACE",
	"OS_CACERT", "OS_CERT", "OS_KEY",
}

func clearEnv(t *testing.T) {
	t.Helper()
	for _, k := range osVars {
		t.Setenv(k, "")
	}
}

func TestFromEnv(t *testing.T) {
	clearEnv(t)
	env := map[string]string{
		"OS_AUTH_URL":                      "https://keystone.example:5000/v3",
		"OS_USERNAME":                      "alice",
		"OS_USER_ID":                       "u-1",
		"OS_PASSWORD":                      "pw",
		"OS_USER_DOMAIN_NAME":              "UD",
		"OS_USER_DOMAIN_ID":                "ud-1",
		"OS_PROJECT_NAME":                  "proj",
		"OS_PROJECT_ID":                    "p-1",
		"OS_PROJECT_DOMAIN_NAME":           "PD",
		"OS_PROJECT_DOMAIN_ID":             "pd-1",
		"OS_DOMAIN_NAME":                   "D",
		"OS_DOMAIN_ID":                     "d-1",
		"OS_SYSTEM_SCOPE":                  "all",
		"OS_TOKEN":                         "tok",
		"OS_APPLICATION_CREDENTIAL_ID":     "ac-1",
		"OS_APPLICATION_CREDENTIAL_NAME":   "ac",
		"OS_APPLICATION_CREDENTIAL_SECRET": "acs",
		"OS_CLOUD":                         "ignored-with-auth-url",
	}
	for k, v := range env {
		t.Setenv(k, v)
	}
	assert.Equal(t, cinder.Auth{
		AuthURL: "https://keystone.example:5000/v3", Username: "alice", UserID: "u-1", Password: "pw",
		UserDomainName: "UD", UserDomainID: "ud-1", ProjectName: "proj", ProjectID: "p-1",
		ProjectDomainName: "PD", ProjectDomainID: "pd-1", DomainName: "D", DomainID: "d-1", SystemScope: true,
		Token: "tok", ApplicationCredentialID: "ac-1", ApplicationCredentialName: "ac", ApplicationCredentialSecret: "acs",
	}, cinder.FromEnv())
}

func TestFromEnvAlternativeNames(t *testing.T) {
	clearEnv(t)
	t.Setenv("OS_TENANT_NAME", "legacy-proj")
	t.Setenv("OS_TENANT_ID", "legacy-id")
	t.Setenv("OS_USER_NAME", "bob")
	t.Setenv("OS_AUTH_TOKEN", "tok2")
	t.Setenv("OS_CLOUD", "mycloud")
	t.Setenv("OS_SYSTEM_SCOPE", "yes")
	assert.Equal(t, cinder.Auth{ProjectName: "legacy-proj", ProjectID: "legacy-id", Username: "bob", Token: "tok2", Cloud: "mycloud"},
		cinder.FromEnv())

	t.Setenv("OS_PROJECT_NAME", "new-proj")
	assert.Equal(t, "new-proj", cinder.FromEnv().ProjectName, "OS_PROJECT_NAME wins over OS_TENANT_NAME")
}

func TestNewZeroAuthReadsEnvironment(t *testing.T) {
	clearEnv(t)
	s := newStub(t)
	t.Setenv("OS_AUTH_URL", s.authURL())
	t.Setenv("OS_USERNAME", stubUser)
	t.Setenv("OS_PASSWORD", stubPassword)
	t.Setenv("OS_TENANT_NAME", "demo")
	c, err := cinder.New(t.Context(), cinder.Options{})
	require.NoError(t, err)
	assert.Equal(t, stubProject, c.ProjectID())
	require.Len(t, s.authBodies, 1)
	assert.JSONEq(t, `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","password":"s3cret-Pa55word",
		"domain":{"id":"default"}}}},"scope":{"project":{"name":"demo","domain":{"id":"default"}}}}}`, s.authBodies[0])
}

func TestNewZeroAuthWithoutEnvironment(t *testing.T) {
	clearEnv(t)
	_, err := cinder.New(t.Context(), cinder.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cinder: no auth URL: set OS_AUTH_URL")
}

func writeClouds(t *testing.T, yaml string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "clouds.yaml")
	require.NoError(t, os.WriteFile(path, []byte(yaml), 0o600))
	t.Setenv("OS_CLIENT_CONFIG_FILE", path)
}

func TestNewFromCloudsYAML(t *testing.T) {
	clearEnv(t)
	s := newStub(t)
	writeClouds(t, `clouds:
  x:
    auth:
      auth_url: `+s.authURL()+`
      username: `+stubUser+`
      password: `+stubPassword+`
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    interface: internal
  other:
    auth:
      auth_url: http://127.0.0.1:1/v3
`)
	c, err := cinder.New(t.Context(), cinder.Options{Auth: cinder.FromCloud("x")})
	require.NoError(t, err)
	assert.Equal(t, s.endpoint("/cinder-int/v3/"+stubProject+"/"), c.Endpoint())

	// Options.Region wins over the file's region_name.
	c, err = cinder.New(t.Context(), cinder.Options{Auth: cinder.Auth{Cloud: "x"}, Region: "RegionTwo", Interface: "public"})
	require.NoError(t, err)
	assert.Equal(t, s.endpoint("/cinder-r2/v3/"+stubProject+"/"), c.Endpoint())

	// Password clouds re-authenticate.
	s.expire()
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)

	// OS_CLOUD is read when Auth is zero and OS_AUTH_URL is unset.
	t.Setenv("OS_CLOUD", "x")
	_, err = cinder.New(t.Context(), cinder.Options{})
	require.NoError(t, err)

	_, err = cinder.New(t.Context(), cinder.Options{Auth: cinder.FromCloud("missing")})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cinder: clouds.yaml: ")
}

func TestNewFromCloudsYAMLApplicationCredential(t *testing.T) {
	clearEnv(t)
	s := newStub(t)
	writeClouds(t, `clouds:
  ac:
    auth_type: v3applicationcredential
    auth:
      auth_url: `+s.authURL()+`
      application_credential_id: `+stubAppCredID+`
      application_credential_secret: `+stubAppSecret+`
`)
	c, err := cinder.New(t.Context(), cinder.Options{Auth: cinder.FromCloud("ac")})
	require.NoError(t, err)
	s.expire()
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err, "an application credential from clouds.yaml re-authenticates")
	auth, _ := s.counts()
	assert.Equal(t, 2, auth)
}
