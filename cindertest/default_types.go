package cindertest

import (
	"net/http"
	"sort"
)

// Default volume types per project (3.62), served at /v3/default-types
// without a project ID in the path.
func defaultTypeRoutes() []route {
	return []route{
		rt("GET", "default-types", (*call).listDefaultTypes),
		rt("GET", "default-types/{project}", (*call).showDefaultTypeOf),
		rt("PUT", "default-types/{project}", (*call).setDefaultType),
		rt("DELETE", "default-types/{project}", (*call).unsetDefaultType),
	}
}

const msgNotAuthorized = "You are not authorized to perform this operation."

// defaultTypesAllowed checks the microversion and the admin-only policy.
func (c *call) defaultTypesAllowed() bool {
	if !c.at(62) {
		c.notFound()
		return false
	}
	if !c.admin {
		c.fault(403, msgNotAuthorized)
		return false
	}
	return true
}

func defaultTypeView(project, typeID string) map[string]string {
	return map[string]string{"project_id": project, "volume_type_id": typeID}
}

func (c *call) listDefaultTypes() {
	if !c.defaultTypesAllowed() {
		return
	}
	var projects []string
	for p := range c.s.st.projTypes {
		projects = append(projects, p)
	}
	sort.Strings(projects)
	list := []any{}
	for _, p := range projects {
		list = append(list, defaultTypeView(p, c.s.st.projTypes[p]))
	}
	c.json(http.StatusOK, map[string]any{"default_types": list})
}

func (c *call) showDefaultTypeOf() {
	if !c.defaultTypesAllowed() {
		return
	}
	p := c.params[0]
	id, ok := c.s.st.projTypes[p]
	if !ok {
		c.fault(404, "Default type for project %s not found.", p)
		return
	}
	c.json(http.StatusOK, map[string]any{"default_type": defaultTypeView(p, id)})
}

func (c *call) setDefaultType() {
	if !c.at(62) {
		c.notFound()
		return
	}
	body, ok := c.envelope("default_type")
	if !ok {
		return
	}
	raw, has := body["volume_type"]
	if !has {
		c.invalidField("default_type", body, "'volume_type' is a required property")
		return
	}
	name, isStr := raw.(string)
	if !isStr {
		c.invalidField("volume_type", raw, pyRepr(raw, true)+" is not of type 'string'")
		return
	}
	if !c.defaultTypesAllowed() {
		return
	}
	p := c.params[0]
	if c.s.ids.projects[p] == nil {
		c.fault(404, "Project with id %s not found.", p)
		return
	}
	t := c.s.st.typeByNameOrID(name)
	if t == nil {
		if isUUID(name) {
			c.fault(400, "Volume type %s could not be found.", name)
		} else {
			c.fault(400, "Volume type with name %s could not be found.", name)
		}
		return
	}
	c.s.st.projTypes[p] = t.ID
	c.json(http.StatusOK, map[string]any{"default_type": defaultTypeView(p, t.ID)})
}

func (c *call) unsetDefaultType() {
	if !c.defaultTypesAllowed() {
		return
	}
	p := c.params[0]
	if _, ok := c.s.st.projTypes[p]; !ok {
		c.fault(404, "Default type for project %s not found.", p)
		return
	}
	delete(c.s.st.projTypes, p)
	c.w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	c.w.WriteHeader(http.StatusNoContent)
}
