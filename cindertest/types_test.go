package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// createType makes a volume type as admin and returns its ID.
func (e *env) createType(body string) string {
	e.t.Helper()
	r := e.do("admin", "", "POST", "types", body)
	require.Equal(e.t, http.StatusOK, r.code, string(r.body))
	return r.json(e.t)["volume_type"].(map[string]any)["id"].(string)
}

func namesOf(t *testing.T, r resp, key string) []string {
	t.Helper()
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	var out []string
	for _, x := range r.json(t)[key].([]any) {
		out = append(out, x.(map[string]any)["name"].(string))
	}
	return out
}

func TestTypeCreateShowUpdate(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	r := e.do("admin", "", "POST", "types", `{"volume_type":{"name":"gold","description":"d","extra_specs":{"k":"v","n":null}}}`)
	require.Equal(t, http.StatusOK, r.code)
	created := r.json(t)["volume_type"].(map[string]any)
	id := created["id"].(string)
	assert.Equal(t, map[string]any{"id": id, "name": "gold", "is_public": true, "description": "d",
		"extra_specs": map[string]any{"k": "v", "n": nil}, "os-volume-type-access:is_public": true}, created)

	admin := e.do("admin", "", "GET", "types/"+id, "").json(t)["volume_type"].(map[string]any)
	assert.Contains(t, admin, "qos_specs_id")
	demo := e.do("demo", "", "GET", "types/"+id, "").json(t)["volume_type"].(map[string]any)
	assert.NotContains(t, demo, "qos_specs_id")
	assert.Equal(t, map[string]any{}, demo["extra_specs"], "non-admins see only user-visible specs")

	r = e.do("admin", "", "PUT", "types/"+id, `{"volume_type":{"name":"gold2","is_public":false}}`)
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	assert.Equal(t, map[string]any{"id": id, "name": "gold2", "is_public": false, "description": "d",
		"extra_specs": map[string]any{"k": "v", "n": nil}}, r.json(t)["volume_type"])
	assert.Equal(t, http.StatusNotFound, e.do("admin", "", "GET", "types/gold2", "").code, "show is by ID only")
}

func TestTypeErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.createType(`{"volume_type":{"name":"a"}}`)
	e.createType(`{"volume_type":{"name":"b"}}`)
	cases := []struct{ user, method, path, body, want string }{
		{"demo", "POST", "types", `{"volume_type":{"name":"x"}}`, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:type_create to be performed."}}`},
		{"demo", "POST", "types", `{"volume_type":{}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute volume_type. Value: {}. 'name' is a required property"}}`},
		{"admin", "POST", "types", `{"volume_type":{"name":"a"}}`, `{"conflictingRequest": {"code": 409, "message": "Volume Type a already exists."}}`},
		{"admin", "POST", "types", `{"volume_type":{"name":""}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute name. Value: . '' is too short"}}`},
		{"admin", "POST", "types", `{"volume_type":{"name":"  "}}`, `{"badRequest": {"code": 400, "message": "An invalid 'name' value was provided. The 'name' can not be empty."}}`},
		{"admin", "POST", "types", `{"volume_type":{"name":"c","bogus":1}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute volume_type. Value: {'bogus': 1, 'name': 'c'}. Additional properties are not allowed ('bogus' was unexpected)"}}`},
		{"admin", "POST", "types", `{"volume_type":{"name":"c","extra_specs":{"n":1}}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute n. Value: 1. 1 is not of type 'string', 'null'"}}`},
		{"admin", "POST", "types", `{"volume_type":{"name":"c","extra_specs":{"":"v"}}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute extra_specs. Value: {'': 'v'}. '' does not match any of the regexes: '^[a-zA-Z0-9-_:. /]{1,255}$'"}}`},
		{"admin", "PUT", "types/" + id, `{"volume_type":{"name":"b"}}`, `{"conflictingRequest": {"code": 409, "message": "Volume Type b already exists."}}`},
		{"admin", "PUT", "types/" + id, `{"volume_type":{"description":null}}`, `{"badRequest": {"code": 400, "message": "Specify volume type name, description, is_public or a combination thereof."}}`},
		{"admin", "PUT", "types/" + id, `{"volume_type":{"name":"  "}}`, `{"badRequest": {"code": 400, "message": "Volume type name can not be empty."}}`},
		{"demo", "PUT", "types/" + id, `{"volume_type":{"name":"z"}}`, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:type_update to be performed."}}`},
		{"admin", "PUT", "types/bogus", `{"volume_type":{"name":"z"}}`, `{"itemNotFound": {"code": 404, "message": "Volume type bogus could not be found."}}`},
		{"demo", "DELETE", "types/bogus", ``, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:type_delete to be performed."}}`},
		{"admin", "GET", "types?is_public=abc", ``, `{"badRequest": {"code": 400, "message": "Invalid is_public filter [abc]"}}`},
		{"demo", "GET", "types?bogus=1", ``, `{"badRequest": {"code": 400, "message": "Invalid filters bogus are found in query options."}}`},
		{"admin", "GET", "types?sort=bogus", ``, `{"badRequest": {"code": 400, "message": "Invalid input received: Invalid sort key"}}`},
	}
	for _, tc := range cases {
		r := e.do(tc.user, "", tc.method, tc.path, tc.body)
		assert.JSONEq(t, tc.want, string(r.body), tc.method+" "+tc.path+" "+tc.body)
	}
}

func TestTypeDeleteRules(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.createType(`{"volume_type":{"name":"used"}}`)
	vol := e.create("demo", `{"volume":{"size":1,"volume_type":"used"}}`)
	r := e.do("admin", "", "DELETE", "types/"+id, "")
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Target volume type is still in use."}}`, string(r.body))
	def := e.do("admin", "", "GET", "types/default", "").json(t)["volume_type"].(map[string]any)
	assert.NotContains(t, def, "os-volume-type-access:is_public")
	r = e.do("admin", "", "DELETE", "types/"+def["id"].(string), "")
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "The volume type `+def["id"].(string)+` is a default volume type and cannot be deleted."}}`, string(r.body))

	require.Equal(t, http.StatusAccepted, e.do("demo", "", "DELETE", "volumes/"+vol, "").code)
	e.do("demo", "", "GET", "volumes", "")
	r = e.do("admin", "", "DELETE", "types/"+id, "")
	assert.Equal(t, http.StatusAccepted, r.code, string(r.body))
	assert.Equal(t, http.StatusNotFound, e.do("admin", "", "GET", "types/"+id, "").code)
}

func TestTypeListVisibility(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.createType(`{"volume_type":{"name":"pub"}}`)
	priv := e.createType(`{"volume_type":{"name":"priv","os-volume-type-access:is_public":false}}`)
	e.createType(`{"volume_type":{"name":"hidden","os-volume-type-access:is_public":"false"}}`)
	require.Equal(t, http.StatusAccepted, e.do("admin", "", "POST", "types/"+priv+"/action",
		`{"addProjectAccess":{"project":"`+e.demoProj+`"}}`).code)

	assert.Equal(t, []string{"pub", "__DEFAULT__"}, namesOf(t, e.do("admin", "", "GET", "types", ""), "volume_types"),
		"admins see public types by default, newest first")
	assert.Equal(t, []string{"hidden", "priv", "pub", "__DEFAULT__"}, namesOf(t, e.do("admin", "", "GET", "types?is_public=None", ""), "volume_types"))
	assert.Equal(t, []string{"hidden", "priv"}, namesOf(t, e.do("admin", "", "GET", "types?is_public=false", ""), "volume_types"))
	assert.Equal(t, []string{"priv", "pub", "__DEFAULT__"}, namesOf(t, e.do("demo", "", "GET", "types?is_public=false", ""), "volume_types"),
		"members see public types and the private ones their project may use")
	assert.Equal(t, http.StatusOK, e.do("demo", "", "GET", "types/"+priv, "").code)

	require.Equal(t, http.StatusAccepted, e.do("admin", "", "POST", "types/"+priv+"/action",
		`{"removeProjectAccess":{"project":"`+e.demoProj+`"}}`).code)
	r := e.do("demo", "", "GET", "types/"+priv, "")
	assert.JSONEq(t, `{"itemNotFound": {"code": 404, "message": "Volume type `+priv+` could not be found."}}`, string(r.body))
	r = e.do("demo", "", "POST", "volumes", `{"volume":{"size":1,"volume_type":"`+priv+`"}}`)
	assert.Equal(t, http.StatusNotFound, r.code)
}

func TestTypeListFiltersAndPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.createType(`{"volume_type":{"name":"a","extra_specs":{"tier":"gold"}}}`)
	e.createType(`{"volume_type":{"name":"b","extra_specs":{"tier":"silver"}}}`)
	assert.Equal(t, []string{"a"}, namesOf(t, e.do("admin", "3.52", "GET", "types?extra_specs=%7B%27tier%27%3A%27gold%27%7D", ""), "volume_types"))
	assert.Equal(t, []string{"b"}, namesOf(t, e.do("admin", "", "GET", "types?name=b", ""), "volume_types"))
	assert.Empty(t, namesOf(t, e.do("admin", "", "GET", "types?bogus=1", ""), "volume_types"), "admins' unknown filters match nothing")
	r := e.do("demo", "3.52", "GET", "types?extra_specs=%7B%27tier%27%3A%27gold%27%7D", "")
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid filters extra_specs are found in query options."}}`, string(r.body))

	r = e.do("admin", "", "GET", "types?limit=1&sort=name:asc", "")
	assert.Equal(t, []string{"__DEFAULT__"}, namesOf(t, r, "volume_types"))
	links := r.json(t)["volume_type_links"].([]any)
	require.Len(t, links, 1)
	assert.Contains(t, links[0].(map[string]any)["href"], "/types?limit=1&sort=name%3Aasc&marker=")
}
