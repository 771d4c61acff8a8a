package cindertest_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

func TestSchedulingFailureCreatesMessage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{Capacity: 10})
	r := e.do("demo", "", "POST", "volumes", `{"volume":{"size":11}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	assert.Equal(t, "creating", r.json(t)["volume"].(map[string]any)["status"])
	vol := r.json(t)["volume"].(map[string]any)["id"].(string)
	reqID := r.header.Get("X-Openstack-Request-Id")
	v := e.volume("admin", "", vol)
	assert.Equal(t, "error", v["status"])
	assert.Nil(t, v["os-vol-host-attr:host"])
	r = e.do("demo", "", "POST", "snapshots", `{"snapshot":{"volume_id":"`+vol+`"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: volume is not assigned to a host"}}`, string(r.body))

	r = e.do("demo", "3.3", "GET", "messages", "")
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	list := r.json(t)["messages"].([]any)
	require.Len(t, list, 1)
	m := list[0].(map[string]any)
	assert.Equal(t, "VOLUME_VOLUME_001_003", m["event_id"])
	assert.Equal(t, "schedule allocate volume:Could not find any available weighted backend.", m["user_message"])
	assert.Equal(t, "ERROR", m["message_level"])
	assert.Equal(t, "VOLUME", m["resource_type"])
	assert.Equal(t, vol, m["resource_uuid"])
	assert.Equal(t, reqID, m["request_id"])
	created, err := time.Parse("2006-01-02T15:04:05.000000", m["created_at"].(string))
	require.NoError(t, err)
	until, err := time.Parse("2006-01-02T15:04:05.000000", m["guaranteed_until"].(string))
	require.NoError(t, err)
	assert.Equal(t, 30*24*time.Hour, until.Sub(created))
	assert.Len(t, m["links"], 2)

	// A type asking for a capability the backend lacks cannot be placed either.
	e.createType(`{"volume_type":{"name":"odd","extra_specs":{"a":"9","vendor:x":"1"}}}`)
	e.createType(`{"volume_type":{"name":"ok","extra_specs":{"multiattach":"<is> True","volume_backend_name":"lvm"}}}`)
	bad := e.create("demo", `{"volume":{"size":1,"volume_type":"odd"}}`)
	good := e.create("demo", `{"volume":{"size":1,"volume_type":"ok"}}`)
	assert.Equal(t, "error", e.volume("demo", "", bad)["status"])
	assert.Equal(t, "available", e.volume("demo", "", good)["status"])
	assert.Len(t, e.do("demo", "3.3", "GET", "messages", "").json(t)["messages"], 2)
	assert.Len(t, e.do("admin", "3.3", "GET", "messages", "").json(t)["messages"], 2, "admins see every project's messages")
}

func TestMessagesAPI(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{Capacity: 1})
	a := e.create("demo", `{"volume":{"size":2}}`)
	b := e.create("demo", `{"volume":{"size":3}}`)
	e.do("demo", "", "GET", "volumes", "")
	ms := e.do("demo", "3.5", "GET", "messages?sort=created_at:asc&limit=1", "").json(t)
	first := ms["messages"].([]any)[0].(map[string]any)
	assert.Equal(t, a, first["resource_uuid"])
	assert.Len(t, ms["messages_links"], 1)
	r := e.do("demo", "3.5", "GET", "messages?resource_uuid="+b, "")
	require.Len(t, r.json(t)["messages"], 1)
	id := r.json(t)["messages"].([]any)[0].(map[string]any)["id"].(string)
	assert.Equal(t, b, e.do("demo", "3.3", "GET", "messages/"+id, "").json(t)["message"].(map[string]any)["resource_uuid"])

	cases := []struct{ mv, method, path, want string }{
		{"3.3", "GET", "messages/bogus", `{"itemNotFound": {"code": 404, "message": "Message bogus could not be found."}}`},
		{"3.3", "DELETE", "messages/bogus", `{"itemNotFound": {"code": 404, "message": "Message bogus could not be found."}}`},
		{"3.2", "GET", "messages", `{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}`},
		{"3.70", "GET", "messages?bogus=1", `{"badRequest": {"code": 400, "message": "Invalid filters bogus are found in query options."}}`},
		{"3.5", "GET", "messages?sort=guaranteed_until", `{"badRequest": {"code": 400, "message": "Invalid input received: Invalid sort key"}}`},
		{"3.5", "GET", "messages?marker=bogus", `{"itemNotFound": {"code": 404, "message": "Message bogus could not be found."}}`},
	}
	for _, tc := range cases {
		assert.JSONEq(t, tc.want, string(e.do("demo", tc.mv, tc.method, tc.path, "").body), tc.mv+" "+tc.path)
	}
	assert.Len(t, e.do("demo", "3.4", "GET", "messages?limit=1", "").json(t)["messages"], 2, "no paging before 3.5")
	for _, q := range []string{"resource_uuid=" + b, "bogus=1", "sort=bogus", "marker=bogus", "limit=0"} {
		assert.Len(t, e.do("demo", "3.3", "GET", "messages?"+q, "").json(t)["messages"], 2, "query ignored before 3.5: "+q)
	}
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "limit param must be an integer"}}`,
		string(e.do("demo", "3.3", "GET", "messages?limit=abc", "").body))
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "limit param must be positive"}}`,
		string(e.do("demo", "3.4", "GET", "messages?limit=-1", "").body))
	assert.Empty(t, e.do("demo", "3.5", "GET", "messages?bogus=1", "").json(t)["messages"],
		"before 3.31 an unknown filter is not refused but matches nothing")
	assert.Empty(t, e.do("admin", "3.70", "GET", "messages?bogus=", "").json(t)["messages"], "admins: no such column")
	r = e.do("demo", "3.3", "DELETE", "messages/"+id, "")
	assert.Equal(t, http.StatusNoContent, r.code)
	assert.Equal(t, http.StatusNotFound, e.do("demo", "3.3", "GET", "messages/"+id, "").code)
}

func TestMessagesExpire(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{Capacity: 1, MessageTTL: time.Nanosecond})
	e.create("demo", `{"volume":{"size":2}}`)
	e.do("demo", "", "GET", "volumes", "")
	assert.JSONEq(t, `{"messages": []}`, string(e.do("demo", "3.5", "GET", "messages", "").body))
}

func TestPoolsCapabilitiesServices(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{Capacity: 100})
	e.create("demo", `{"volume":{"size":30}}`)
	assert.JSONEq(t, `{"pools": [{"name": "emulator@lvm#pool"}]}`, string(e.do("admin", "", "GET", "scheduler-stats/get_pools", "").body))
	p := e.do("admin", "", "GET", "scheduler-stats/get_pools?detail=True", "").json(t)["pools"].([]any)[0].(map[string]any)
	caps := p["capabilities"].(map[string]any)
	assert.Equal(t, float64(100), caps["total_capacity_gb"])
	assert.Equal(t, float64(70), caps["free_capacity_gb"])
	assert.Equal(t, "lvm", caps["volume_backend_name"])
	assert.JSONEq(t, `{"pools": []}`, string(e.do("admin", "", "GET", "scheduler-stats/get_pools?name=bogus", "").body))

	c := e.do("admin", "", "GET", "capabilities/emulator@lvm", "").json(t)
	assert.Equal(t, "OS::Storage::Capabilities::emulator@lvm", c["namespace"])
	svcs := e.do("admin", "3.0", "GET", "os-services?binary=cinder-volume", "").json(t)["services"].([]any)
	require.Len(t, svcs, 1)
	assert.NotContains(t, svcs[0], "cluster")
	assert.Contains(t, e.do("admin", "3.70", "GET", "os-services", "").json(t)["services"].([]any)[2], "backend_state")

	cases := []struct{ user, path, want string }{
		{"demo", "scheduler-stats/get_pools", `{"forbidden": {"code": 403, "message": "Policy doesn't allow scheduler_extension:scheduler_stats:get_pools to be performed."}}`},
		{"admin", "scheduler-stats/get_pools?detail=abc", `{"badRequest": {"code": 400, "message": "Value 'abc' for 'detail' is not a boolean."}}`},
		{"admin", "capabilities/bogus", `{"itemNotFound": {"code": 404, "message": "Can't find service: bogus"}}`},
		{"demo", "capabilities/emulator@lvm", `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:capabilities to be performed."}}`},
		{"demo", "os-services", `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:services:index to be performed."}}`},
	}
	for _, tc := range cases {
		assert.JSONEq(t, tc.want, string(e.do(tc.user, "", "GET", tc.path, "").body), tc.path)
	}
}
