package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

func (e *env) createQos(body string) string {
	e.t.Helper()
	r := e.do("admin", "", "POST", "qos-specs", body)
	require.Equal(e.t, http.StatusOK, r.code, string(r.body))
	return r.json(e.t)["qos_specs"].(map[string]any)["id"].(string)
}

func TestQosCRUD(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	r := e.do("admin", "", "POST", "qos-specs", `{"qos_specs":{"name":"q1","consumer":"front-end","read_iops_sec":"100"}}`)
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	m := r.json(t)
	id := m["qos_specs"].(map[string]any)["id"].(string)
	assert.Equal(t, map[string]any{"id": id, "name": "q1", "consumer": "front-end",
		"specs": map[string]any{"read_iops_sec": "100"}}, m["qos_specs"])
	assert.Len(t, m["links"], 2)

	r = e.do("admin", "", "PUT", "qos-specs/"+id, `{"qos_specs":{"a":"1","consumer":"both"}}`)
	assert.JSONEq(t, `{"qos_specs": {"a": "1", "consumer": "both"}}`, string(r.body))
	assert.Equal(t, http.StatusAccepted, e.do("admin", "", "PUT", "qos-specs/"+id+"/delete_keys", `{"keys":["a"]}`).code)
	got := e.do("admin", "", "GET", "qos-specs/"+id, "").json(t)["qos_specs"]
	assert.Equal(t, map[string]any{"id": id, "name": "q1", "consumer": "both",
		"specs": map[string]any{"read_iops_sec": "100"}}, got)
	assert.Equal(t, []string{"q1"}, namesOf(t, e.do("admin", "", "GET", "qos-specs", ""), "qos_specs"))

	cases := []struct{ user, method, path, body, want string }{
		{"admin", "POST", "qos-specs", `{"qos_specs":{"name":"q1"}}`, `{"conflictingRequest": {"code": 409, "message": "QoS Specs q1 already exists."}}`},
		{"admin", "POST", "qos-specs", `{"qos_specs":{"name":"q2","x":5}}`, `{"badRequest": {"code": 400, "message": "Invalid input received: Value for key \"x\" is not a string or unicode"}}`},
		{"admin", "POST", "qos-specs", `{"qos_specs":{"name":"q2","consumer":"bogus"}}`, `{"badRequest": {"code": 400, "message": "Invalid qos specs: Valid consumer of QoS specs are: QoSConsumerValues(default=<class 'oslo_versionedobjects.fields.UnspecifiedDefault'>,nullable=False,valid_values=('back-end', 'front-end', 'both'))"}}`},
		{"admin", "POST", "qos-specs", `{"qos_specs":{}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute qos_specs. Value: {}. 'name' is a required property"}}`},
		{"admin", "POST", "qos-specs", `{"qos_specs":{"name":""}}`, `{"badRequest": {"code": 400, "message": "An invalid 'name' value was provided. The 'name' can not be None."}}`},
		{"admin", "GET", "qos-specs/bogus", "", `{"itemNotFound": {"code": 404, "message": "No such QoS spec bogus."}}`},
		{"admin", "PUT", "qos-specs/" + id, `{"qos_specs":{"a":1}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute a. Value: 1. 1 is not of type 'string', 'null'"}}`},
		{"admin", "PUT", "qos-specs/" + id + "/delete_keys", `{"keys":["zz"]}`, `{"itemNotFound": {"code": 404, "message": "QoS spec ` + id + ` has no spec with key zz."}}`},
		{"admin", "PUT", "qos-specs/" + id + "/delete_keys", `{"bogus":[]}`, `{"badRequest": {"code": 400, "message": "'keys' is a required property"}}`},
		{"admin", "DELETE", "qos-specs/" + id + "?force=abc", "", `{"badRequest": {"code": 400, "message": "Value 'abc' for 'force' is not a boolean."}}`},
		{"demo", "GET", "qos-specs", "", `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:qos_specs_manage:get_all to be performed."}}`},
		{"demo", "GET", "qos-specs/" + id, "", `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:qos_specs_manage:get to be performed."}}`},
		{"demo", "POST", "qos-specs", `{"qos_specs":{"name":"q3"}}`, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:qos_specs_manage:create to be performed."}}`},
		{"demo", "DELETE", "qos-specs/" + id, "", `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:qos_specs_manage:delete to be performed."}}`},
	}
	for _, tc := range cases {
		assert.JSONEq(t, tc.want, string(e.do(tc.user, "", tc.method, tc.path, tc.body).body), tc.method+" "+tc.path+" "+tc.body)
	}
	assert.Equal(t, http.StatusAccepted, e.do("admin", "", "DELETE", "qos-specs/"+id, "").code)
	assert.Equal(t, http.StatusNotFound, e.do("admin", "", "GET", "qos-specs/"+id, "").code)
}

// Only id, created_at and updated_at sort QoS specs: name and consumer are
// key/value rows in Cinder's table.
func TestQosSortKeys(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	for _, n := range []string{"b", "a"} {
		require.Equal(t, http.StatusOK, e.do("admin", "", "POST", "qos-specs", `{"qos_specs":{"name":"`+n+`"}}`).code)
	}
	bad := `{"badRequest": {"code": 400, "message": "Invalid input received: Invalid sort key"}}`
	for _, q := range []string{"sort=name", "sort=consumer", "sort_key=name", "sort=id,name:asc"} {
		assert.JSONEq(t, bad, string(e.do("admin", "", "GET", "qos-specs?"+q, "").body), q)
	}
	assert.Equal(t, []string{"b", "a"}, namesOf(t, e.do("admin", "", "GET", "qos-specs?sort=created_at:asc", ""), "qos_specs"))
	assert.Equal(t, []string{"a", "b"}, namesOf(t, e.do("admin", "", "GET", "qos-specs?sort=updated_at:asc,created_at:desc", ""), "qos_specs"))
	assert.Len(t, namesOf(t, e.do("admin", "", "GET", "qos-specs?sort=id", ""), "qos_specs"), 2)
}

func TestQosAssociations(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	q1 := e.createQos(`{"qos_specs":{"name":"q1"}}`)
	q2 := e.createQos(`{"qos_specs":{"name":"q2"}}`)
	ty := e.createType(`{"volume_type":{"name":"t1"}}`)
	assert.JSONEq(t, `{"qos_associations": []}`, string(e.do("admin", "", "GET", "qos-specs/"+q1+"/associations", "").body))
	require.Equal(t, http.StatusAccepted, e.do("admin", "", "GET", "qos-specs/"+q1+"/associate?vol_type_id="+ty, "").code)
	assert.Equal(t, http.StatusAccepted, e.do("admin", "", "GET", "qos-specs/"+q1+"/associate?vol_type_id="+ty, "").code, "again is fine")
	assert.JSONEq(t, `{"qos_associations": [{"association_type": "volume_type", "name": "t1", "id": "`+ty+`"}]}`,
		string(e.do("admin", "", "GET", "qos-specs/"+q1+"/associations", "").body))
	assert.Equal(t, q1, e.do("admin", "", "GET", "types/"+ty, "").json(t)["volume_type"].(map[string]any)["qos_specs_id"])

	cases := []struct{ user, path, want string }{
		{"admin", "qos-specs/" + q2 + "/associate?vol_type_id=" + ty, `{"badRequest": {"code": 400, "message": "Invalid volume type: Type ` + ty + ` is already associated with another qos specs: ` + q1 + `"}}`},
		{"admin", "qos-specs/" + q1 + "/associate", `{"badRequest": {"code": 400, "message": "Volume Type id must not be None."}}`},
		{"admin", "qos-specs/" + q1 + "/associate?vol_type_id=bogus", `{"itemNotFound": {"code": 404, "message": "Volume type bogus could not be found."}}`},
		{"admin", "qos-specs/bogus/associate?vol_type_id=" + ty, `{"itemNotFound": {"code": 404, "message": "No such QoS spec bogus."}}`},
		{"admin", "qos-specs/" + q1 + "/disassociate", `{"badRequest": {"code": 400, "message": "Volume Type id must not be None."}}`},
		{"demo", "qos-specs/" + q1 + "/associate?vol_type_id=" + ty, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:qos_specs_manage:update to be performed."}}`},
	}
	for _, tc := range cases {
		assert.JSONEq(t, tc.want, string(e.do(tc.user, "", "GET", tc.path, "").body), tc.path)
	}
	r := e.do("admin", "", "DELETE", "qos-specs/"+q1, "")
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Qos specs still in use."}}`, string(r.body))

	require.Equal(t, http.StatusAccepted, e.do("admin", "", "GET", "qos-specs/"+q1+"/disassociate_all", "").code)
	assert.Nil(t, e.do("admin", "", "GET", "types/"+ty, "").json(t)["volume_type"].(map[string]any)["qos_specs_id"])
	require.Equal(t, http.StatusAccepted, e.do("admin", "", "GET", "qos-specs/"+q2+"/associate?vol_type_id="+ty, "").code)
	require.Equal(t, http.StatusAccepted, e.do("admin", "", "GET", "qos-specs/"+q2+"/disassociate?vol_type_id="+ty, "").code)
	assert.Nil(t, e.do("admin", "", "GET", "types/"+ty, "").json(t)["volume_type"].(map[string]any)["qos_specs_id"])

	require.Equal(t, http.StatusAccepted, e.do("admin", "", "GET", "qos-specs/"+q2+"/associate?vol_type_id="+ty, "").code)
	assert.Equal(t, http.StatusAccepted, e.do("admin", "", "DELETE", "qos-specs/"+q2+"?force=true", "").code)
	assert.Nil(t, e.do("admin", "", "GET", "types/"+ty, "").json(t)["volume_type"].(map[string]any)["qos_specs_id"])
}
