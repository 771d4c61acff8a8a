package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

func TestExtraSpecs(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.createType(`{"volume_type":{"name":"t","extra_specs":{"multiattach":"<is> True"}}}`)
	r := e.do("admin", "", "POST", "types/"+id+"/extra_specs", `{"extra_specs":{"a":"1","b":"2"}}`)
	assert.JSONEq(t, `{"extra_specs": {"a": "1", "b": "2"}}`, string(r.body))
	assert.JSONEq(t, `{"a": "1"}`, string(e.do("admin", "", "GET", "types/"+id+"/extra_specs/a", "").body))
	assert.JSONEq(t, `{"a": "9"}`, string(e.do("admin", "", "PUT", "types/"+id+"/extra_specs/a", `{"a":"9"}`).body))
	assert.JSONEq(t, `{"extra_specs": {"multiattach": "<is> True"}}`, string(e.do("demo", "", "GET", "types/"+id+"/extra_specs", "").body))
	r = e.do("admin", "", "DELETE", "types/"+id+"/extra_specs/b", "")
	assert.Equal(t, http.StatusAccepted, r.code)
	assert.JSONEq(t, `{"extra_specs": {"a": "9", "multiattach": "<is> True"}}`, string(e.do("admin", "", "GET", "types/"+id+"/extra_specs", "").body))

	cases := []struct{ user, method, path, body, want string }{
		{"admin", "GET", "types/" + id + "/extra_specs/zz", "", `{"itemNotFound": {"code": 404, "message": "Volume Type ` + id + ` has no extra specs with key zz."}}`},
		{"demo", "GET", "types/" + id + "/extra_specs/a", "", `{"itemNotFound": {"code": 404, "message": "Volume Type ` + id + ` has no extra specs with key a."}}`},
		{"admin", "DELETE", "types/" + id + "/extra_specs/zz", "", `{"itemNotFound": {"code": 404, "message": "Volume Type ` + id + ` has no extra specs with key zz."}}`},
		{"admin", "PUT", "types/" + id + "/extra_specs/a", `{"b":"9"}`, `{"badRequest": {"code": 400, "message": "Request body and URI mismatch"}}`},
		{"admin", "PUT", "types/" + id + "/extra_specs/a", `{"a":"9","b":"1"}`, `{"badRequest": {"code": 400, "message": "{'a': '9', 'b': '1'} has too many properties"}}`},
		{"admin", "POST", "types/" + id + "/extra_specs", `{"bogus":{}}`, `{"badRequest": {"code": 400, "message": "'extra_specs' is a required property"}}`},
		{"admin", "POST", "types/" + id + "/extra_specs", `{"extra_specs":{"c":3}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute c. Value: 3. 3 is not of type 'string', 'null'"}}`},
		{"demo", "POST", "types/" + id + "/extra_specs", `{"extra_specs":{"c":"3"}}`, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:types_extra_specs:create to be performed."}}`},
		{"demo", "DELETE", "types/" + id + "/extra_specs/a", "", `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:types_extra_specs:delete to be performed."}}`},
		{"admin", "GET", "types/bogus/extra_specs", "", `{"itemNotFound": {"code": 404, "message": "Volume type bogus could not be found."}}`},
	}
	for _, tc := range cases {
		assert.JSONEq(t, tc.want, string(e.do(tc.user, "", tc.method, tc.path, tc.body).body), tc.method+" "+tc.path)
	}

	e.create("demo", `{"volume":{"size":1,"volume_type":"t"}}`)
	inUse := `{"badRequest": {"code": 400, "message": "Volume Type is currently in use."}}`
	assert.JSONEq(t, inUse, string(e.do("admin", "", "POST", "types/"+id+"/extra_specs", `{"extra_specs":{"z":"1"}}`).body))
	assert.JSONEq(t, inUse, string(e.do("admin", "", "DELETE", "types/"+id+"/extra_specs/a", "").body))
}

func TestTypeAccess(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	pub := e.createType(`{"volume_type":{"name":"pub"}}`)
	priv := e.createType(`{"volume_type":{"name":"priv","os-volume-type-access:is_public":false}}`)
	add := `{"addProjectAccess":{"project":"` + e.demoProj + `"}}`
	r := e.do("admin", "", "POST", "types/"+priv+"/action", add)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	assert.JSONEq(t, `{"volume_type_access": [{"volume_type_id": "`+priv+`", "project_id": "`+e.demoProj+`"}]}`,
		string(e.do("admin", "", "GET", "types/"+priv+"/os-volume-type-access", "").body))
	cases := []struct{ user, method, path, body, want string }{
		{"admin", "POST", "types/" + priv + "/action", add, `{"conflictingRequest": {"code": 409, "message": "Volume type access for ` + priv + ` / ` + e.demoProj + ` combination already exists."}}`},
		{"admin", "POST", "types/" + priv + "/action", `{"removeProjectAccess":{"project":"` + e.adminProj + `"}}`, `{"itemNotFound": {"code": 404, "message": "Volume type access not found for ` + priv + ` / ` + e.adminProj + ` combination."}}`},
		{"admin", "POST", "types/" + pub + "/action", add, `{"badRequest": {"code": 400, "message": "Invalid volume type: Type access modification is not applicable to public volume type."}}`},
		{"admin", "GET", "types/" + pub + "/os-volume-type-access", "", `{"itemNotFound": {"code": 404, "message": "Access list not available for public volume types."}}`},
		{"admin", "POST", "types/" + priv + "/action", `{"addProjectAccess":{"project":"abc"}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute project. Value: abc. 'abc' is not a 'uuid'"}}`},
		{"admin", "POST", "types/" + priv + "/action", `{"addProjectAccess":{}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute addProjectAccess. Value: {}. 'project' is a required property"}}`},
		{"admin", "POST", "types/" + priv + "/action", `{"bogus":{}}`, `{"badRequest": {"code": 400, "message": "There is no such action: bogus. Verify the request body and Content-Type header and try again."}}`},
		{"demo", "POST", "types/" + priv + "/action", add, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:volume_type_access:addProjectAccess to be performed."}}`},
		{"demo", "GET", "types/" + priv + "/os-volume-type-access", "", `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:volume_type_access:get_all_for_type to be performed."}}`},
	}
	for _, tc := range cases {
		assert.JSONEq(t, tc.want, string(e.do(tc.user, "", tc.method, tc.path, tc.body).body), tc.method+" "+tc.path+" "+tc.body)
	}
}

func TestEncryptionTypes(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.createType(`{"volume_type":{"name":"enc"}}`)
	assert.JSONEq(t, `{}`, string(e.do("admin", "", "GET", "types/"+id+"/encryption", "").body))
	r := e.do("admin", "", "POST", "types/"+id+"/encryption", `{"encryption":{"provider":"luks","control_location":"front-end","key_size":256}}`)
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	enc := r.json(t)["encryption"].(map[string]any)
	assert.Equal(t, id, enc["volume_type_id"])
	assert.Equal(t, float64(256), enc["key_size"])
	assert.NotContains(t, enc, "cipher", "the create answer echoes the request")
	assert.JSONEq(t, `{"provider": "luks"}`, string(e.do("admin", "", "GET", "types/"+id+"/encryption/provider", "").body))
	r = e.do("admin", "", "PUT", "types/"+id+"/encryption/provider", `{"encryption":{"key_size":128}}`)
	assert.JSONEq(t, `{"encryption": {"key_size": 128}}`, string(r.body))
	full := e.do("admin", "", "GET", "types/"+id+"/encryption", "").json(t)
	assert.Equal(t, float64(128), full["key_size"])
	assert.Equal(t, false, full["deleted"])
	assert.NotNil(t, full["updated_at"])

	cases := []struct{ user, method, body, want string }{
		{"admin", "POST", `{"encryption":{"provider":"luks","control_location":"front-end"}}`, `{"badRequest": {"code": 400, "message": "Volume type encryption for type ` + id + ` already exists."}}`},
		{"admin", "POST", `{"encryption":{"provider":"luks"}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute encryption. Value: {'provider': 'luks'}. 'control_location' is a required property"}}`},
		{"admin", "POST", `{"encryption":{"provider":"luks","control_location":"middle"}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute control_location. Value: middle. 'middle' is not one of ['front-end', 'back-end']"}}`},
		{"admin", "PUT", `{"encryption":{"key_size":"x"}}`, `{"badRequest": {"code": 400, "message": "Invalid input received: key_size must be an integer."}}`},
		{"demo", "GET", ``, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:volume_type_encryption:get to be performed."}}`},
	}
	for _, tc := range cases {
		path := "types/" + id + "/encryption"
		if tc.method == "PUT" {
			path += "/provider"
		}
		assert.JSONEq(t, tc.want, string(e.do(tc.user, "", tc.method, path, tc.body).body), tc.body)
	}

	vol := e.create("demo", `{"volume":{"size":1,"volume_type":"enc"}}`)
	assert.Equal(t, true, e.volume("demo", "", vol)["encrypted"])
	r = e.do("admin", "", "PUT", "types/"+id+"/encryption/provider", `{"encryption":{"key_size":512}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Cannot update encryption specs. Volume type in use."}}`, string(r.body))
	require.Equal(t, http.StatusAccepted, e.do("demo", "", "DELETE", "volumes/"+vol, "").code)
	e.do("demo", "", "GET", "volumes", "")
	assert.Equal(t, http.StatusAccepted, e.do("admin", "", "DELETE", "types/"+id+"/encryption/provider", "").code)
	r = e.do("admin", "", "DELETE", "types/"+id+"/encryption/provider", "")
	assert.JSONEq(t, `{"itemNotFound": {"code": 404, "message": "Volume type encryption for type `+id+` does not exist."}}`, string(r.body))
}

func TestDefaultTypes(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.createType(`{"volume_type":{"name":"mine"}}`)
	set := `{"default_type":{"volume_type":"mine"}}`
	assert.JSONEq(t, `{"default_types": []}`, string(e.do("admin", "3.62", "GET", "/volume/v3/default-types", "").body))
	assert.Equal(t, http.StatusNotFound, e.do("admin", "3.61", "GET", "/volume/v3/default-types", "").code)
	r := e.do("admin", "3.62", "PUT", "/volume/v3/default-types/"+e.demoProj, set)
	assert.JSONEq(t, `{"default_type": {"project_id": "`+e.demoProj+`", "volume_type_id": "`+id+`"}}`, string(r.body))
	assert.JSONEq(t, `{"default_type": {"project_id": "`+e.demoProj+`", "volume_type_id": "`+id+`"}}`,
		string(e.do("admin", "3.62", "GET", "/volume/v3/default-types/"+e.demoProj, "").body))
	assert.Equal(t, "mine", e.do("demo", "", "GET", "types/default", "").json(t)["volume_type"].(map[string]any)["name"])
	vol := e.create("demo", `{"volume":{"size":1}}`)
	assert.Equal(t, "mine", e.volume("demo", "", vol)["volume_type"])

	cases := []struct{ user, method, path, body, want string }{
		{"demo", "GET", "/volume/v3/default-types", "", `{"forbidden": {"code": 403, "message": "You are not authorized to perform this operation."}}`},
		{"admin", "GET", "/volume/v3/default-types/" + e.adminProj, "", `{"itemNotFound": {"code": 404, "message": "Default type for project ` + e.adminProj + ` not found."}}`},
		{"admin", "PUT", "/volume/v3/default-types/" + e.demoProj, `{"default_type":{"volume_type":"bogus"}}`, `{"badRequest": {"code": 400, "message": "Volume type with name bogus could not be found."}}`},
		{"admin", "PUT", "/volume/v3/default-types/" + e.demoProj, `{"default_type":{}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute default_type. Value: {}. 'volume_type' is a required property"}}`},
		{"admin", "PUT", "/volume/v3/default-types/abc", set, `{"itemNotFound": {"code": 404, "message": "Project with id abc not found."}}`},
	}
	for _, tc := range cases {
		assert.JSONEq(t, tc.want, string(e.do(tc.user, "3.62", tc.method, tc.path, tc.body).body), tc.method+" "+tc.path)
	}
	assert.Equal(t, http.StatusNotFound, e.do("admin", "3.62", "GET", "default-types", "").code, "no project ID in the path")
	r = e.do("admin", "", "DELETE", "types/"+id, "")
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "The volume type `+id+` is a default volume type and cannot be deleted."}}`, string(r.body))
	assert.Equal(t, http.StatusNoContent, e.do("admin", "3.62", "DELETE", "/volume/v3/default-types/"+e.demoProj, "").code)
	assert.Equal(t, "__DEFAULT__", e.do("demo", "", "GET", "types/default", "").json(t)["volume_type"].(map[string]any)["name"])
}
