package cindertest

import (
	"net/http"
	"sort"
)

// extraSpecs is the extra specs API of volume types; admins see every
// spec, others only userVisibleSpecs.
var extraSpecs = &specAPI{field: "extra_specs", rules: extraSpecRules, setStatus: http.StatusOK,
	find: func(c *call, op string) (specOwner, bool) {
		if op != "get_all" && op != "get" && !c.requireAdmin("volume_extension:types_extra_specs:"+op) {
			return specOwner{}, false
		}
		t := c.typeOr404(c.params[0], false)
		if t == nil {
			return specOwner{}, false
		}
		return specOwner{id: t.ID, view: c.visibleSpecs(t), specs: t.ExtraSpecs,
			writable: func() bool { return c.specsWritable(t) }}, true
	},
	showMissing:   "Volume Type %s has no extra specs with key %s.",
	deleteMissing: "Volume Type %s has no extra specs with key %s.",
	deleteType:    "application/json"}

// Extra specs and project access of volume types.
func typeSpecRoutes() []route {
	return append(extraSpecs.routes("types/{id}/extra_specs"),
		rt("GET", "types/{id}/os-volume-type-access", (*call).listTypeAccess),
		rt("POST", "types/{id}/action", (*call).typeAction))
}

// specsWritable answers 400 when the type is in use.
func (c *call) specsWritable(t *volumeType) bool {
	if c.s.st.typeInUse(t.ID) {
		c.fault(400, "Volume Type is currently in use.")
		return false
	}
	return true
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
	name, raw, ok := c.actionBody()
	if !ok {
		return
	}
	if name != "addProjectAccess" && name != "removeProjectAccess" {
		c.noSuchAction(name)
		return
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
