package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

func TestVersionsDoc(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	r := e.do("", "", "GET", "/volume/", "")
	require.Equal(t, http.StatusMultipleChoices, r.code)
	assert.JSONEq(t, `{"versions": [{"id": "v3.0", "status": "CURRENT", "version": "3.71", "min_version": "3.0",
	  "updated": "2023-08-31T00:00:00Z",
	  "links": [{"rel": "describedby", "type": "text/html", "href": "https://docs.openstack.org/"},
	            {"rel": "self", "href": "`+e.srv.CinderURL()+`/v3/"}],
	  "media-types": [{"base": "application/json", "type": "application/vnd.openstack.volume+json;version=3"}]}]}`, string(r.body))
	assert.Equal(t, "volume 3.0", r.header.Get("OpenStack-API-Version"))
	assert.Equal(t, http.StatusOK, e.do("demo", "", "GET", "/volume/v3/", "").code)
	assert.Equal(t, http.StatusUnauthorized, e.do("", "", "GET", "/volume/v3/", "").code)
}

func TestMicroversionNegotiation(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{MaxMicroversion: "3.70"})
	r := e.do("demo", "3.99", "GET", "volumes", "")
	assert.Equal(t, http.StatusNotAcceptable, r.code)
	assert.JSONEq(t, `{"computeFault": {"code": 406, "message": "Version 3.99 is not supported by the API. Minimum is 3.0 and maximum is 3.70."}}`, string(r.body))
	assert.Equal(t, "volume 3.99", r.header.Get("OpenStack-API-Version"))
	r = e.do("demo", "2.0", "GET", "volumes", "")
	assert.Equal(t, http.StatusNotAcceptable, r.code)
	assert.Empty(t, r.header.Get("OpenStack-API-Version"))
	r = e.do("demo", "abc", "GET", "volumes", "")
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "API Version String abc is of invalid format. Must be of format MajorNum.MinorNum."}}`, string(r.body))
	r = e.do("demo", "latest", "GET", "volumes", "")
	assert.Equal(t, "volume 3.70", r.header.Get("OpenStack-API-Version"))
	assert.Equal(t, "OpenStack-API-Version", r.header.Get("Vary"))
	assert.Regexp(t, `^req-[0-9a-f-]{36}$`, r.header.Get("X-Openstack-Request-Id"))
	assert.Equal(t, r.header.Get("X-Openstack-Request-Id"), r.header.Get("X-Compute-Request-Id"))
	r = e.do("demo", "", "GET", "volumes", "")
	assert.Equal(t, "volume 3.0", r.header.Get("OpenStack-API-Version"))
}

func TestProjectMismatch(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	r := e.do("demo", "", "GET", "/volume/v3/"+e.adminProj+"/volumes", "")
	assert.Equal(t, http.StatusBadRequest, r.code)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Malformed request url"}}`, string(r.body))
	assert.Equal(t, http.StatusOK, e.do("demo", "3.67", "GET", "/volume/v3/volumes", "").code)
}

func TestFaultInjection(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.srv.Inject(cindertest.Fault{Path: "/volumes", Method: "GET", Nth: 2, Status: 503, RetryAfter: "1", Times: 1})
	assert.Equal(t, 200, e.do("demo", "", "GET", "volumes", "").code)
	r := e.do("demo", "", "GET", "volumes", "")
	assert.Equal(t, 503, r.code)
	assert.Equal(t, "1", r.header.Get("Retry-After"))
	assert.Equal(t, 200, e.do("demo", "", "GET", "volumes", "").code)

	e.srv.Inject(cindertest.Fault{Path: "/volumes/detail", Drop: true})
	_, err := http.Get(e.srv.CinderURL() + "/v3/" + e.demoProj + "/volumes/detail")
	assert.Error(t, err)
	e.srv.ClearFaults()
	assert.Equal(t, 200, e.do("demo", "", "GET", "volumes/detail", "").code)

	log := e.srv.Requests()
	var statuses []int
	for _, rq := range log {
		if rq.Path == "/volume/v3/"+e.demoProj+"/volumes" {
			statuses = append(statuses, rq.Status)
		}
	}
	assert.Equal(t, []int{200, 503, 200}, statuses)
}

func TestQuotasOverLimit(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	r := e.do("demo", "", "PUT", "os-quota-sets/"+e.demoProj, `{"quota_set":{"volumes":1}}`)
	assert.Equal(t, http.StatusForbidden, r.code)
	assert.JSONEq(t, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:quotas:update to be performed."}}`, string(r.body))
	r = e.do("admin", "", "PUT", "os-quota-sets/"+e.demoProj, `{"quota_set":{"volumes":1}}`)
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	e.create("demo", `{"volume":{"size":1}}`)
	r = e.do("demo", "", "POST", "volumes", `{"volume":{"size":1}}`)
	assert.Equal(t, http.StatusRequestEntityTooLarge, r.code)
	assert.Equal(t, "0", r.header.Get("Retry-After"))
	assert.JSONEq(t, `{"overLimit": {"code": 413, "message": "VolumeLimitExceeded: Maximum number of volumes allowed (1) exceeded for quota 'volumes'.", "retryAfter": "0"}}`, string(r.body))
	r = e.do("demo", "", "GET", "os-quota-sets/"+e.demoProj+"?usage=True", "")
	qs := r.json(t)["quota_set"].(map[string]any)
	assert.Equal(t, map[string]any{"limit": 1.0, "in_use": 1.0, "reserved": 0.0}, qs["volumes"])
	r = e.do("admin", "", "PUT", "os-quota-sets/"+e.demoProj, `{"quota_set":{"volumes":0}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Quota volumes limit must be equal or greater than existing resources. Current usage is 1 and the requested limit is 0."}}`, string(r.body))
	r = e.do("demo", "", "POST", "volumes", `{"volume":{"size":100000}}`)
	assert.JSONEq(t, `{"overLimit": {"code": 413, "message": "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 100000G, quota is 1000G and 1G has been consumed.", "retryAfter": "0"}}`, string(r.body))
	r = e.do("admin", "", "GET", "os-quota-sets/"+e.demoProj+"/defaults", "")
	assert.Equal(t, 10.0, r.json(t)["quota_set"].(map[string]any)["volumes"])
}
