package cindertest_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

func TestDiscovery(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	assert.JSONEq(t, `{"availabilityZoneInfo": [{"zoneName": "nova", "zoneState": {"available": true}}]}`,
		string(e.do("demo", "", "GET", "os-availability-zone", "").body))
	ext := e.do("demo", "", "GET", "extensions", "").json(t)["extensions"].([]any)
	require.Len(t, ext, 32)
	assert.Equal(t, map[string]any{"name": "VolumeImageMetadata", "alias": "os-vol-image-meta",
		"description": "Show image metadata associated with the volume.", "updated": "2012-12-07T00:00:00+00:00",
		"links": []any{}}, ext[0])
	assert.JSONEq(t, `{"resource_filters": [{"resource": "message", "filters": ["resource_uuid", "resource_type", "event_id", "request_id", "message_level"]}]}`,
		string(e.do("demo", "3.33", "GET", "/volume/v3/resource_filters?resource=message", "").body))
	assert.Len(t, e.do("demo", "3.33", "GET", "resource_filters", "").json(t)["resource_filters"], 9)
	assert.JSONEq(t, `{"resource_filters": []}`, string(e.do("demo", "3.33", "GET", "resource_filters?resource=bogus", "").body))
	assert.Equal(t, http.StatusNotFound, e.do("demo", "3.32", "GET", "resource_filters", "").code)
}

func TestUnknownPathIsWebobNotFound(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	for accept, want := range map[string]string{
		"application/json": `{"message": "The resource could not be found.<br /><br />\n\n\n", "code": "404 Not Found", "title": "Not Found"}`,
		"":                 "404 Not Found\n\nThe resource could not be found.\n\n   ",
		"*/*":              "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  The resource could not be found.<br /><br />\n\n\n\n </body>\n</html>",
	} {
		for _, m := range []string{"GET bogus", "DELETE types", "PUT volumes"} {
			method, path, _ := strings.Cut(m, " ")
			r := e.do("demo", "3.70", method, path, "", "Accept", accept)
			assert.Equal(t, http.StatusNotFound, r.code, m)
			assert.Equal(t, want, string(r.body), accept+" "+m)
			assert.Empty(t, r.header.Get("OpenStack-API-Version"), m)
		}
	}
}

func TestKeystoneInvalidSubjectToken(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	tok, _ := e.login("demo", "demo", "demo")
	check := func(subject, want string) {
		req, err := http.NewRequest("GET", e.srv.AuthURL()+"/auth/tokens", nil)
		require.NoError(t, err)
		req.Header.Set("X-Auth-Token", e.adminTok)
		req.Header.Set("X-Subject-Token", subject)
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer res.Body.Close()
		assert.Equal(t, http.StatusNotFound, res.StatusCode)
		b, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		assert.Contains(t, string(b), want)
	}
	check("bogus", "Could not recognize Fernet token")
	e.srv.RevokeToken(tok)
	check(tok, "Failed to validate token")
}
