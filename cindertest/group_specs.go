package cindertest

import (
	"net/http"
)

// Group specs of group types (3.11); every call is admin only.
func groupSpecRoutes() []route {
	return []route{
		rt("GET", "group_types/{id}/group_specs", (*call).listGroupSpecs),
		rt("POST", "group_types/{id}/group_specs", (*call).setGroupSpecs),
		rt("GET", "group_types/{id}/group_specs/{key}", (*call).showGroupSpec),
		rt("PUT", "group_types/{id}/group_specs/{key}", (*call).updateGroupSpec),
		rt("DELETE", "group_types/{id}/group_specs/{key}", (*call).deleteGroupSpec),
	}
}

// groupSpecsField validates a group_specs object. strict applies the
// group specs API's key pattern (no spaces, null values allowed); the
// create body of a group type also allows spaces and slashes in keys but
// wants string values.
func (c *call) groupSpecsField(field string, raw any, strict bool) (map[string]*string, bool) {
	obj, isObj := raw.(map[string]any)
	if !isObj {
		c.invalidField(field, raw, pyRepr(raw, true)+" is not of type 'object'")
		return nil, false
	}
	out := map[string]*string{}
	for _, k := range orderedKeys(obj) {
		if strict && !groupSpecKey(k) {
			c.invalidField(field, obj, "'"+k+"' does not match any of the regexes: '^[a-zA-Z0-9-_:.]{1,255}$'")
			return nil, false
		}
		if !strict && !specKey(k) {
			c.invalidField(field, obj, "'"+k+"' does not match any of the regexes: '^[a-zA-Z0-9-_:. /]{1,255}$'")
			return nil, false
		}
		switch v := obj[k].(type) {
		case nil:
			if !strict {
				c.invalidField(k, v, "None is not of type 'string'")
				return nil, false
			}
			out[k] = nil
		case string:
			if len([]rune(v)) > 255 {
				c.invalidField(k, v, "'"+v+"' is too long")
				return nil, false
			}
			out[k] = &v
		default:
			why := " is not of type 'string'"
			if strict {
				why = " is not of type 'string', 'null'"
			}
			c.invalidField(k, v, pyRepr(v, true)+why)
			return nil, false
		}
	}
	return out, true
}

func groupSpecKey(k string) bool {
	if len(k) == 0 || len(k) > 255 {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' ||
			r == ':' || r == '.') {
			return false
		}
	}
	return true
}

// specGroupType answers the version, policy and 404 checks of a group
// specs call.
func (c *call) specGroupType(rule string) *groupType {
	if !c.groupV(11) || !c.requireAdmin(rule) {
		return nil
	}
	return c.groupTypeOr404(c.params[0])
}

func (c *call) listGroupSpecs() {
	if t := c.specGroupType("group:group_types_specs:get_all"); t != nil {
		c.json(http.StatusOK, map[string]any{"group_specs": t.Specs})
	}
}

func (c *call) showGroupSpec() {
	t := c.specGroupType("group:group_types_specs:get")
	if t == nil {
		return
	}
	key := c.params[1]
	v, ok := t.Specs[key]
	if !ok {
		c.fault(404, "Group Type %s has no extra spec with key %s.", t.ID, key)
		return
	}
	c.json(http.StatusOK, map[string]any{key: v})
}

func (c *call) setGroupSpecs() {
	if !c.groupV(11) {
		return
	}
	var top map[string]any
	if !c.decode(&top) {
		return
	}
	raw, has := top["group_specs"]
	if !has {
		c.fault(400, "'group_specs' is a required property")
		return
	}
	specs, ok := c.groupSpecsField("group_specs", raw, true)
	if !ok {
		return
	}
	t := c.specGroupType("group:group_types_specs:create")
	if t == nil {
		return
	}
	for k, v := range specs {
		t.Specs[k] = v
	}
	c.json(http.StatusAccepted, map[string]any{"group_specs": specs})
}

func (c *call) updateGroupSpec() {
	if !c.groupV(11) {
		return
	}
	var body map[string]any
	if !c.decode(&body) {
		return
	}
	switch {
	case len(body) > 1:
		c.fault(400, "%s has too many properties", pyRepr(body, false))
		return
	case len(body) == 0:
		c.fault(400, "{} does not have enough properties")
		return
	}
	specs, ok := c.groupSpecsField("group_specs", body, true)
	if !ok {
		return
	}
	t := c.specGroupType("group:group_types_specs:update")
	if t == nil {
		return
	}
	key := c.params[1]
	v, match := specs[key]
	if !match {
		c.fault(400, "Request body and URI mismatch")
		return
	}
	t.Specs[key] = v
	c.json(http.StatusOK, map[string]any{key: v})
}

func (c *call) deleteGroupSpec() {
	t := c.specGroupType("group:group_types_specs:delete")
	if t == nil {
		return
	}
	key := c.params[1]
	if _, ok := t.Specs[key]; !ok {
		c.fault(404, "Group Type %s has no specs with key %s.", t.ID, key)
		return
	}
	delete(t.Specs, key)
	c.accepted()
}
