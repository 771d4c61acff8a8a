package cindertest

import (
	"net/http"
	"sort"
)

// Extra specs and project access of volume types.
func typeSpecRoutes() []route {
	return []route{
		rt("GET", "types/{id}/extra_specs", (*call).listExtraSpecs),
		rt("POST", "types/{id}/extra_specs", (*call).setExtraSpecs),
		rt("GET", "types/{id}/extra_specs/{key}", (*call).showExtraSpec),
		rt("PUT", "types/{id}/extra_specs/{key}", (*call).updateExtraSpec),
		rt("DELETE", "types/{id}/extra_specs/{key}", (*call).deleteExtraSpec),
		rt("GET", "types/{id}/os-volume-type-access", (*call).listTypeAccess),
		rt("POST", "types/{id}/action", (*call).typeAction),
	}
}

// specType finds the type of an extra specs request (admins see every type).
func (c *call) specType() *volumeType {
	return c.typeOr404(c.params[0], false)
}

func (c *call) listExtraSpecs() {
	if t := c.specType(); t != nil {
		c.json(http.StatusOK, map[string]any{"extra_specs": c.visibleSpecs(t)})
	}
}

func (c *call) showExtraSpec() {
	t := c.specType()
	if t == nil {
		return
	}
	key := c.params[1]
	v, ok := c.visibleSpecs(t)[key]
	if !ok {
		c.fault(404, "Volume Type %s has no extra specs with key %s.", t.ID, key)
		return
	}
	c.json(http.StatusOK, map[string]any{key: v})
}

// specsWritable answers 400 when the type is in use.
func (c *call) specsWritable(t *volumeType) bool {
	if c.s.st.typeInUse(t.ID) {
		c.fault(400, "Volume Type is currently in use.")
		return false
	}
	return true
}

func (c *call) setExtraSpecs() {
	var top map[string]any
	if !c.decode(&top) {
		return
	}
	raw, has := top["extra_specs"]
	if !has {
		c.fault(400, "'extra_specs' is a required property")
		return
	}
	specs, ok := c.specsField("extra_specs", raw)
	if !ok || !c.requireAdmin("volume_extension:types_extra_specs:create") {
		return
	}
	t := c.specType()
	if t == nil || !c.specsWritable(t) {
		return
	}
	for k, v := range specs {
		t.ExtraSpecs[k] = v
	}
	c.json(http.StatusOK, map[string]any{"extra_specs": specs})
}

func (c *call) updateExtraSpec() {
	var body map[string]any
	if !c.decode(&body) {
		return
	}
	if len(body) > 1 {
		c.fault(400, "%s has too many properties", pyRepr(body, false))
		return
	}
	specs, ok := c.specsField("extra_specs", body)
	if !ok || !c.requireAdmin("volume_extension:types_extra_specs:update") {
		return
	}
	t := c.specType()
	if t == nil {
		return
	}
	key := c.params[1]
	if _, match := specs[key]; !match {
		c.fault(400, "Request body and URI mismatch")
		return
	}
	if !c.specsWritable(t) {
		return
	}
	t.ExtraSpecs[key] = specs[key]
	c.json(http.StatusOK, map[string]any{key: specs[key]})
}

func (c *call) deleteExtraSpec() {
	if !c.requireAdmin("volume_extension:types_extra_specs:delete") {
		return
	}
	t := c.specType()
	if t == nil {
		return
	}
	key := c.params[1]
	if _, ok := t.ExtraSpecs[key]; !ok {
		c.fault(404, "Volume Type %s has no extra specs with key %s.", t.ID, key)
		return
	}
	if !c.specsWritable(t) {
		return
	}
	delete(t.ExtraSpecs, key)
	c.w.Header().Set("Content-Type", "application/json")
	c.w.WriteHeader(http.StatusAccepted)
}

func (c *call) listTypeAccess() {
	if !c.requireAdmin("volume_extension:volume_type_access:get_all_for_type") {
		return
	}
	t := c.typeOr404(c.params[0], false)
	if t == nil {
		return
	}
	if t.IsPublic {
		c.fault(404, "Access list not available for public volume types.")
		return
	}
	projects := make([]string, 0, len(t.Access))
	for p := range t.Access {
		projects = append(projects, p)
	}
	sort.Strings(projects)
	list := []any{}
	for _, p := range projects {
		list = append(list, map[string]string{"volume_type_id": t.ID, "project_id": p})
	}
	c.json(http.StatusOK, map[string]any{"volume_type_access": list})
}

func (c *call) typeAction() {
	var top map[string]any
	if !c.decode(&top) {
		return
	}
	for _, name := range []string{"addProjectAccess", "removeProjectAccess"} {
		raw, has := top[name]
		if !has {
			continue
		}
		body, isObj := raw.(map[string]any)
		if !isObj {
			c.invalidField(name, raw, pyRepr(raw, true)+" is not of type 'object'")
			return
		}
		p, present := body["project"]
		if !present {
			c.invalidField(name, body, "'project' is a required property")
			return
		}
		project, isStr := p.(string)
		if !isStr || !isUUID(project) {
			c.invalidField("project", p, pyRepr(p, true)+" is not a 'uuid'")
			return
		}
		c.changeAccess(name, project)
		return
	}
	keys := orderedKeys(top)
	name := ""
	if len(keys) > 0 {
		name = keys[0]
	}
	c.fault(400, "There is no such action: %s. Verify the request body and Content-Type header and try again.", name)
}

func (c *call) changeAccess(action, project string) {
	if !c.requireAdmin("volume_extension:volume_type_access:" + action) {
		return
	}
	t := c.typeOr404(c.params[0], false)
	if t == nil {
		return
	}
	if t.IsPublic {
		c.fault(400, "Invalid volume type: Type access modification is not applicable to public volume type.")
		return
	}
	has := t.Access[project]
	switch {
	case action == "addProjectAccess" && has:
		c.fault(409, "Volume type access for %s / %s combination already exists.", t.ID, project)
		return
	case action == "removeProjectAccess" && !has:
		c.fault(404, "Volume type access not found for %s / %s combination.", t.ID, project)
		return
	case action == "addProjectAccess":
		if t.Access == nil {
			t.Access = map[string]bool{}
		}
		t.Access[project] = true
	default:
		delete(t.Access, project)
	}
	c.accepted()
}
