package types_test

import (
	"io"
	"net/http"
	"regexp"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"

	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/types"
)

// Fixture IDs (scrubbed).
const (
	defID      = "00000000-0000-4000-8000-000000000010" // the cloud's __DEFAULT__
	pubID      = "00000000-0000-4000-8000-000000000011" // gocinder-rec-pub
	privID     = "00000000-0000-4000-8000-000000000012" // gocinder-rec-priv
	encID      = "00000000-0000-4000-8000-000000000030"
	demoProj   = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002"
	tmpProj    = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0003"
	rootURL    = "https://cinder.example.com:8776/v3/"
	deadTypeID = "00000000-0000-4000-8000-00000000dead"
)

// pubType is testdata/types/get.json decoded.
func pubType() types.VolumeType {
	return types.VolumeType{ID: pubID, Name: "gocinder-rec-pub", Description: "recorded", IsPublic: true,
		ExtraSpecs: map[string]string{"gocinder:rec": "1", "volume_backend_name": "localfile"}}
}

// privType is the private type as the list fixtures show it.
func privType() types.VolumeType {
	return types.VolumeType{ID: privID, Name: "gocinder-rec-priv", ExtraSpecs: map[string]string{"gocinder:rec": "1"}}
}

// routeRoot is testutil.Route for paths under the v3 root (/v3/default-types),
// outside the project's endpoint.
func routeRoot(t *testing.T, mock *httpmock.MockTransport, e testutil.Expect, status int, fixture string) {
	t.Helper()
	resp := testutil.JSONResponder(t, status, fixture)
	mock.RegisterResponder(e.Method, "=~^"+regexp.QuoteMeta(rootURL+e.Path)+`(\?.*)?$`,
		func(r *http.Request) (*http.Response, error) {
			assert.Equal(t, rootURL+e.Path, r.URL.Scheme+"://"+r.URL.Host+r.URL.EscapedPath(), "path")
			assert.Equal(t, e.Query, r.URL.RawQuery, "query")
			if e.Version != "" {
				assert.Equal(t, "volume "+e.Version, r.Header.Get("OpenStack-API-Version"), "microversion")
			}
			var body []byte
			if r.Body != nil {
				body, _ = io.ReadAll(r.Body)
			}
			if e.Body == "" {
				assert.Empty(t, string(body), "body")
			} else {
				assert.JSONEq(t, e.Body, string(body), "body")
			}
			return resp(r)
		})
}
