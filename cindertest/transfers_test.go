package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

func TestTransferCreateAcceptMovesVolume(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":2}}`)
	sid := e.snap("demo", "", vol, "")
	r := e.do("demo", "3.70", "POST", "volume-transfers", `{"transfer":{"volume_id":"`+vol+`","name":"t"}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	tr := r.json(t)["transfer"].(map[string]any)
	assert.ElementsMatch(t, []string{"id", "created_at", "name", "volume_id", "auth_key", "links", "no_snapshots",
		"destination_project_id", "source_project_id", "accepted"}, keys(tr))
	id, key := tr["id"].(string), tr["auth_key"].(string)
	assert.Contains(t, tr["links"].([]any)[0].(map[string]any)["href"], "/os-volume-transfer/"+id)
	assert.Equal(t, "awaiting-transfer", e.volume("demo", "", vol)["status"])
	got := e.do("demo", "3.0", "GET", "os-volume-transfer/"+id, "").json(t)["transfer"].(map[string]any)
	assert.ElementsMatch(t, []string{"id", "created_at", "name", "volume_id", "links"}, keys(got))
	got = e.do("demo", "3.56", "GET", "volume-transfers/detail", "").json(t)["transfers"].([]any)[0].(map[string]any)
	assert.Contains(t, got, "no_snapshots")
	assert.NotContains(t, got, "accepted")

	r = e.do("admin", "", "POST", "os-volume-transfer/"+id+"/accept", `{"accept":{"auth_key":"wrong"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid auth key: Attempt to transfer `+id+` with invalid auth key."}}`, string(r.body))
	r = e.do("admin", "", "POST", "os-volume-transfer/"+id+"/accept", `{"accept":{}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute accept. Value: {}. 'auth_key' is a required property"}}`, string(r.body))
	r = e.do("admin", "", "POST", "os-volume-transfer/"+id+"/accept", `{"accept":{"auth_key":"`+key+`"}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	assert.ElementsMatch(t, []string{"id", "volume_id", "name", "links"}, keys(r.json(t)["transfer"].(map[string]any)))

	assert.Equal(t, http.StatusNotFound, e.do("demo", "", "GET", "volumes/"+vol, "").code)
	assert.Equal(t, http.StatusNotFound, e.do("demo", "", "GET", "snapshots/"+sid, "").code)
	v := e.volume("admin", "", vol)
	assert.Equal(t, "available", v["status"])
	assert.Equal(t, e.adminProj, v["os-vol-tenant-attr:tenant_id"])
	q := e.do("admin", "", "GET", "os-quota-sets/"+e.adminProj+"?usage=True", "").json(t)["quota_set"].(map[string]any)
	assert.Equal(t, float64(1), q["volumes"].(map[string]any)["in_use"])
	assert.Equal(t, float64(1), q["snapshots"].(map[string]any)["in_use"])
	assert.Equal(t, http.StatusNotFound, e.do("demo", "", "GET", "os-volume-transfer/"+id, "").code)
}

func TestTransferRulesAndDelete(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":1}}`)
	r := e.do("demo", "3.54", "POST", "volume-transfers", `{"transfer":{"volume_id":"`+vol+`","no_snapshots":true}}`)
	assert.Contains(t, string(r.body), "Additional properties are not allowed ('no_snapshots' was unexpected)")
	r = e.do("demo", "3.70", "POST", "volume-transfers", `{"transfer":{}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute transfer. Value: {}. 'volume_id' is a required property"}}`, string(r.body))
	r = e.do("demo", "3.55", "POST", "volume-transfers", `{"transfer":{"volume_id":"`+vol+`","no_snapshots":true}}`)
	require.Equal(t, http.StatusAccepted, r.code)
	id := r.json(t)["transfer"].(map[string]any)["id"].(string)
	r = e.do("demo", "3.55", "POST", "volume-transfers", `{"transfer":{"volume_id":"`+vol+`"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: status must be available"}}`, string(r.body))
	assert.Equal(t, http.StatusBadRequest, e.do("demo", "", "DELETE", "volumes/"+vol, "").code)
	require.Equal(t, http.StatusAccepted, e.do("demo", "", "DELETE", "volume-transfers/"+id, "").code)
	assert.Equal(t, "available", e.volume("demo", "", vol)["status"])
	z := "00000000-0000-0000-0000-000000000000"
	assert.JSONEq(t, `{"itemNotFound": {"code": 404, "message": "Transfer `+z+` could not be found."}}`,
		string(e.do("demo", "", "GET", "os-volume-transfer/"+z, "").body))
}

func TestTransferListPaging(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	for range 3 {
		vol := e.create("demo", `{"volume":{"size":1}}`)
		e.volume("demo", "", vol)
		require.Equal(t, http.StatusAccepted, e.do("demo", "", "POST", "os-volume-transfer", `{"transfer":{"volume_id":"`+vol+`"}}`).code)
	}
	assert.Len(t, e.do("demo", "3.58", "GET", "volume-transfers?limit=1", "").json(t)["transfers"], 3, "no paging before 3.59")
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input received: Invalid sort key"}}`,
		string(e.do("demo", "3.59", "GET", "volume-transfers?sort=name", "").body))
	m := e.do("demo", "3.59", "GET", "volume-transfers/detail?limit=2&sort=created_at:asc", "").json(t)
	require.Len(t, m["transfers"], 2)
	next := m["transfers_links"].([]any)[0].(map[string]any)["href"].(string)
	assert.Len(t, e.do("demo", "3.59", "GET", next[len(e.srv.URL()):], "").json(t)["transfers"], 1)
	assert.Empty(t, e.do("admin", "", "GET", "os-volume-transfer", "").json(t)["transfers"])
}

// A volume accepted without its snapshots: the snapshot stays in the
// donor's project, and the new owner may not delete the volume, with or
// without cascade, until the donor deletes it; an admin may cascade.
func TestTransferNoSnapshotsBlocksDelete(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	give := func() (vol, snap string) {
		vol = e.create("admin", `{"volume":{"size":1}}`)
		snap = e.snap("admin", "", vol, "")
		r := e.do("admin", "3.55", "POST", "volume-transfers", `{"transfer":{"volume_id":"`+vol+`","no_snapshots":true}}`)
		require.Equal(t, http.StatusAccepted, r.code, string(r.body))
		tr := r.json(t)["transfer"].(map[string]any)
		r = e.do("demo", "3.55", "POST", "volume-transfers/"+tr["id"].(string)+"/accept",
			`{"accept":{"auth_key":"`+tr["auth_key"].(string)+`"}}`)
		require.Equal(t, http.StatusAccepted, r.code, string(r.body))
		return vol, snap
	}
	vol, snap := give()
	want := `{"badRequest": {"code": 400, "message": "Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer."}}`
	assert.JSONEq(t, want, string(e.do("demo", "", "DELETE", "volumes/"+vol+"?cascade=true", "").body))
	assert.JSONEq(t, want, string(e.do("demo", "", "DELETE", "volumes/"+vol, "").body))
	assert.JSONEq(t, want, string(e.do("admin", "", "DELETE", "volumes/"+vol, "").body))
	assert.Equal(t, http.StatusOK, e.do("admin", "", "GET", "snapshots/"+snap, "").code)
	require.Equal(t, http.StatusAccepted, e.do("admin", "", "DELETE", "snapshots/"+snap, "").code)
	assert.Equal(t, http.StatusAccepted, e.do("demo", "", "DELETE", "volumes/"+vol, "").code)

	vol, snap = give()
	assert.Equal(t, http.StatusAccepted, e.do("admin", "", "DELETE", "volumes/"+vol+"?cascade=true", "").code)
	assert.Equal(t, http.StatusNotFound, e.do("admin", "", "GET", "snapshots/"+snap, "").code)
	assert.Equal(t, http.StatusNotFound, e.do("admin", "", "GET", "volumes/"+vol, "").code)
}
