package cindertest_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// assertFault checks a Cinder fault body: its name, code and message.
func assertFault(t *testing.T, r resp, code int, msg string) {
	t.Helper()
	names := map[int]string{400: "badRequest", 403: "forbidden", 404: "itemNotFound", 409: "conflictingRequest",
		413: "overLimit", 500: "computeFault"}
	require.Equal(t, code, r.code, string(r.body))
	var body map[string]map[string]any
	require.NoError(t, json.Unmarshal(r.body, &body), string(r.body))
	assert.Equal(t, msg, body[names[code]]["message"], string(r.body))
}

// createGroupType makes a group type as admin and returns its ID.
func (e *env) createGroupType(body string) string {
	e.t.Helper()
	r := e.do("admin", "3.70", "POST", "group_types", body)
	require.Equal(e.t, http.StatusAccepted, r.code, string(r.body))
	return r.json(e.t)["group_type"].(map[string]any)["id"].(string)
}

func TestGroupTypeCreateShowList(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	r := e.do("admin", "3.70", "POST", "group_types",
		`{"group_type":{"name":"ctgrp-gt","description":"d","group_specs":{"consistent_group_snapshot_enabled":"<is> True"}}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	gt := r.json(t)["group_type"].(map[string]any)
	id := gt["id"].(string)
	assert.Equal(t, map[string]any{"id": id, "name": "ctgrp-gt", "description": "d", "is_public": true,
		"group_specs": map[string]any{"consistent_group_snapshot_enabled": "<is> True"}}, gt)

	r = e.do("demo", "3.70", "GET", "group_types/"+id, "")
	require.Equal(t, http.StatusOK, r.code)
	assert.Equal(t, map[string]any{"id": id, "name": "ctgrp-gt", "description": "d", "is_public": true},
		r.json(t)["group_type"], "non-admins see no group specs")
	assert.ElementsMatch(t, []string{"ctgrp-gt", "default_cgsnapshot_type"}, namesOf(t, e.do("demo", "3.70", "GET", "group_types", ""), "group_types"))

	priv := e.createGroupType(`{"group_type":{"name":"ctgrp-priv","is_public":false}}`)
	assertFault(t, e.do("demo", "3.70", "GET", "group_types/"+priv, ""), 404, "Group type "+priv+" could not be found.")
	assert.Equal(t, []string{"ctgrp-priv"}, namesOf(t, e.do("admin", "3.70", "GET", "group_types?is_public=false", ""), "group_types"))
	assert.Len(t, namesOf(t, e.do("admin", "3.70", "GET", "group_types?is_public=None", ""), "group_types"), 3)
	assert.Len(t, namesOf(t, e.do("demo", "3.70", "GET", "group_types?is_public=None&name=x", ""), "group_types"), 2,
		"non-admins get the public types; other filters are ignored")

	r = e.do("admin", "3.70", "GET", "group_types?limit=1&is_public=None", "")
	require.Equal(t, http.StatusOK, r.code)
	links := r.json(t)["group_type_links"].([]any)
	require.Len(t, links, 1)
	assert.Contains(t, links[0].(map[string]any)["href"], "/group_types?limit=1&is_public=None&marker="+priv)

	assertFault(t, e.do("admin", "3.70", "GET", "group_types/default", ""), 404, "Default group type can not be found.")
	assertFault(t, e.do("admin", "3.70", "GET", "group_types/ctgrp-gt", ""), 404, "Group type ctgrp-gt could not be found.")
	assertFault(t, e.do("admin", "3.10", "GET", "group_types", ""), 404, "The resource could not be found.")
	assertFault(t, e.do("admin", "3.70", "GET", "group_types?is_public=bogus", ""), 400, "Invalid is_public filter [bogus]")
	assertFault(t, e.do("admin", "3.70", "GET", "group_types?sort=bogus", ""), 400, "Invalid input received: Invalid sort key")
}

func TestGroupTypeCreateErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.createGroupType(`{"group_type":{"name":"ctgrp-gt"}}`)
	for _, tc := range []struct {
		user, body string
		code       int
		msg        string
	}{
		{"admin", `{"group_type":{"name":"ctgrp-gt"}}`, 409, "Group Type ctgrp-gt already exists."},
		{"demo", `{"group_type":{"name":"ctgrp-x"}}`, 403, "Policy doesn't allow group:group_types:create to be performed."},
		{"admin", `{"group_type":{"name":""}}`, 400, "Invalid input for field/attribute name. Value: . '' is too short"},
		{"admin", `{"group_type":{"name":"  "}}`, 400, "An invalid 'name' value was provided. The 'name' can not be empty."},
		{"admin", `{"group_type":{}}`, 400, "Invalid input for field/attribute group_type. Value: {}. 'name' is a required property"},
		{"admin", `{"group_type":{"name":"y","bogus":1}}`, 400,
			"Invalid input for field/attribute group_type. Value: {'bogus': 1, 'name': 'y'}. Additional properties are not allowed ('bogus' was unexpected)"},
		{"admin", `{"group_type":{"name":"y","is_public":"maybe"}}`, 400,
			"Invalid input for field/attribute is_public. Value: maybe. 'maybe' is not one of [True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', 'y', 't', False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no', 'n', 'f']"},
	} {
		assertFault(t, e.do(tc.user, "3.70", "POST", "group_types", tc.body), tc.code, tc.msg)
	}
	r := e.do("admin", "3.70", "POST", "group_types", `{"group_type":{"name":"ctgrp-sp","group_specs":{"a b":"1"}}}`)
	assert.Equal(t, http.StatusAccepted, r.code, "the create body allows spaces in spec keys")
}

func TestGroupTypeUpdateDelete(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.createGroupType(`{"group_type":{"name":"ctgrp-gt"}}`)
	id := e.createGroupType(`{"group_type":{"name":"ctgrp-y"}}`)
	assertFault(t, e.do("admin", "3.70", "PUT", "group_types/"+id, `{"group_type":{}}`), 400,
		"Specify group type name, description or a combination thereof.")
	assertFault(t, e.do("admin", "3.70", "PUT", "group_types/"+id, `{"group_type":{"name":"ctgrp-gt"}}`), 409,
		"Group Type ctgrp-gt already exists.")
	assertFault(t, e.do("admin", "3.70", "PUT", "group_types/"+id, `{"group_type":{"name":" "}}`), 400,
		"Group type name can not be empty.")
	assertFault(t, e.do("demo", "3.70", "PUT", "group_types/"+id, `{"group_type":{"description":"x"}}`), 403,
		"Policy doesn't allow group:group_types:update to be performed.")
	dead := "00000000-0000-4000-8000-00000000dead"
	assertFault(t, e.do("admin", "3.70", "PUT", "group_types/"+dead, `{"group_type":{"description":"x"}}`), 404,
		"Group type "+dead+" could not be found.")
	r := e.do("admin", "3.70", "PUT", "group_types/"+id, `{"group_type":{"is_public":false,"description":""}}`)
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	assert.Equal(t, map[string]any{"id": id, "name": "ctgrp-y", "description": "", "is_public": false,
		"group_specs": map[string]any{}}, r.json(t)["group_type"])

	assertFault(t, e.do("demo", "3.70", "DELETE", "group_types/"+id, ""), 403,
		"Policy doesn't allow group:group_types:delete to be performed.")
	assertFault(t, e.do("admin", "3.70", "DELETE", "group_types/"+dead, ""), 404, "Group type "+dead+" could not be found.")
	gid := e.createGroup("admin", `{"group":{"group_type":"`+id+`","volume_types":["__DEFAULT__"]}}`)
	assertFault(t, e.do("admin", "3.70", "DELETE", "group_types/"+id, ""), 400,
		"Target group type is still in use. Group Type "+id+" deletion is not allowed with groups present with the type.")
	require.Equal(t, http.StatusAccepted, e.do("admin", "3.70", "POST", "groups/"+gid+"/action", `{"delete":{}}`).code)
	r = e.do("admin", "3.70", "DELETE", "group_types/"+id, "")
	assert.Equal(t, http.StatusAccepted, r.code, string(r.body))
	assertFault(t, e.do("admin", "3.70", "GET", "group_types/"+id, ""), 404, "Group type "+id+" could not be found.")
}

func TestGroupSpecs(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.createGroupType(`{"group_type":{"name":"ctgrp-gt"}}`)
	base := "group_types/" + id + "/group_specs"
	r := e.do("admin", "3.70", "POST", base, `{"group_specs":{"rec:a":"1","rec:b":null}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	assert.JSONEq(t, `{"group_specs":{"rec:a":"1","rec:b":null}}`, string(r.body))
	r = e.do("admin", "3.70", "GET", base, "")
	assert.JSONEq(t, `{"group_specs":{"rec:a":"1","rec:b":null}}`, string(r.body))
	r = e.do("admin", "3.70", "GET", base+"/rec:a", "")
	assert.JSONEq(t, `{"rec:a":"1"}`, string(r.body))
	r = e.do("admin", "3.70", "PUT", base+"/rec:a", `{"rec:a":"11"}`)
	require.Equal(t, http.StatusOK, r.code)
	assert.JSONEq(t, `{"rec:a":"11"}`, string(r.body))

	for _, tc := range []struct {
		user, method, path, body string
		code                     int
		msg                      string
	}{
		{"admin", "GET", base + "/rec:zz", "", 404, "Group Type " + id + " has no extra spec with key rec:zz."},
		{"admin", "DELETE", base + "/rec:zz", "", 404, "Group Type " + id + " has no specs with key rec:zz."},
		{"demo", "GET", base, "", 403, "Policy doesn't allow group:group_types_specs:get_all to be performed."},
		{"demo", "GET", base + "/rec:a", "", 403, "Policy doesn't allow group:group_types_specs:get to be performed."},
		{"demo", "DELETE", base + "/rec:a", "", 403, "Policy doesn't allow group:group_types_specs:delete to be performed."},
		{"demo", "POST", base, `{"group_specs":{"k":"v"}}`, 403, "Policy doesn't allow group:group_types_specs:create to be performed."},
		{"admin", "POST", base, `{"group_specs":{"a b":"1"}}`, 400,
			"Invalid input for field/attribute group_specs. Value: {'a b': '1'}. 'a b' does not match any of the regexes: '^[a-zA-Z0-9-_:.]{1,255}$'"},
		{"admin", "POST", base, `{"specs":{}}`, 400, "'group_specs' is a required property"},
		{"admin", "POST", base, `{"group_specs":{"k":1}}`, 400, "Invalid input for field/attribute k. Value: 1. 1 is not of type 'string', 'null'"},
		{"admin", "PUT", base + "/rec:a", `{"rec:x":"1"}`, 400, "Request body and URI mismatch"},
		{"admin", "PUT", base + "/rec:a", `{"rec:a":"1","rec:b":"2"}`, 400, "{'rec:a': '1', 'rec:b': '2'} has too many properties"},
		{"admin", "PUT", base + "/rec:a", `{}`, 400, "{} does not have enough properties"},
		{"admin", "GET", "group_types/00000000-0000-4000-8000-00000000dead/group_specs", "", 404,
			"Group type 00000000-0000-4000-8000-00000000dead could not be found."},
	} {
		assertFault(t, e.do(tc.user, "3.70", tc.method, tc.path, tc.body), tc.code, tc.msg)
	}
	r = e.do("admin", "3.70", "DELETE", base+"/rec:a", "")
	assert.Equal(t, http.StatusAccepted, r.code)
	r = e.do("admin", "3.70", "GET", base, "")
	assert.JSONEq(t, `{"group_specs":{"rec:b":null}}`, string(r.body))
}
