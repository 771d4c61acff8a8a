package cindertest

import "net/http"

// Minimal volume types (list, show, default, create) so that volume_type
// and os-retype can be exercised; the full resource comes later.
func typeRoutes() []route {
	return []route{
		rt("GET", "types", (*call).listTypes),
		rt("GET", "types/default", func(c *call) { c.showType(c.s.st.defType) }),
		rt("GET", "types/{id}", func(c *call) { c.showType(c.params[0]) }),
		rt("POST", "types", (*call).createType),
		rt("DELETE", "types/{id}", (*call).deleteType),
	}
}

func (c *call) deleteType() {
	if !c.requireAdmin("volume_extension:type_delete") {
		return
	}
	t := c.s.st.types[c.params[0]]
	if t == nil {
		c.fault(404, "Volume type %s could not be found.", c.params[0])
		return
	}
	if t.ID == c.s.st.defType {
		c.fault(400, "The volume type %s is a default volume type and cannot be deleted.", t.ID)
		return
	}
	for _, v := range c.s.st.volumes {
		if v.TypeID == t.ID {
			c.fault(400, "Target volume type is still in use.")
			return
		}
	}
	delete(c.s.st.types, t.ID)
	c.accepted()
}

func (c *call) typeView(t *volumeType, list bool) map[string]any {
	out := map[string]any{"id": t.ID, "name": t.Name, "is_public": t.IsPublic,
		"description": nilIfEmpty(t.Description), "extra_specs": t.ExtraSpecs}
	if list {
		out["os-volume-type-access:is_public"] = t.IsPublic
	}
	if c.admin {
		out["qos_specs_id"] = nil
	}
	return out
}

func (c *call) listTypes() {
	var ts []*volumeType
	for _, t := range c.s.st.types {
		if t.IsPublic || c.admin {
			ts = append(ts, t)
		}
	}
	sortItems(ts, page{keys: []string{"name"}, dirs: []string{"asc"}}, func(t *volumeType, _ string) string { return t.Name })
	list := []any{}
	for _, t := range ts {
		list = append(list, c.typeView(t, true))
	}
	c.json(http.StatusOK, map[string]any{"volume_types": list})
}

func (c *call) showType(id string) {
	t := c.s.st.typeByNameOrID(id)
	if t == nil || (!t.IsPublic && !c.admin) {
		c.fault(404, "Volume type %s could not be found.", id)
		return
	}
	c.json(http.StatusOK, map[string]any{"volume_type": c.typeView(t, false)})
}

func (c *call) createType() {
	body, ok := c.envelope("volume_type")
	if !ok || !c.required("volume_type", body, "name") {
		return
	}
	if !c.requireAdmin("volume_extension:type_create") {
		return
	}
	name, _ := body["name"].(string)
	if name == "" {
		c.invalidField("name", body["name"], "'' is too short")
		return
	}
	if c.s.st.typeByNameOrID(name) != nil {
		c.fault(409, "Volume Type %s already exists.", name)
		return
	}
	t := &volumeType{ID: newUUID(), Name: name, IsPublic: true, ExtraSpecs: map[string]string{}}
	t.Description, _ = body["description"].(string)
	if p, ok := jsonBool(body["os-volume-type-access:is_public"]); ok {
		t.IsPublic = p
	}
	if specs, ok := body["extra_specs"].(map[string]any); ok {
		for k, v := range specs {
			t.ExtraSpecs[k] = pyRepr(v, false)
		}
	}
	c.s.st.types[t.ID] = t
	c.json(http.StatusOK, map[string]any{"volume_type": c.typeView(t, false)})
}
