package cindertest

import (
	"net/http"
	"strings"
	"time"
)

// groupType is one stored group type; guarded by Server.mu.
type groupType struct {
	ID, Name    string
	Description *string
	IsPublic    bool
	Specs       map[string]*string // a nil value is a JSON null
	CreatedAt   time.Time
}

// defaultCGSnapshotType is the group type Cinder's database migration
// creates for consistency groups; groups of that type belong to the CG API.
const defaultCGSnapshotType = "default_cgsnapshot_type"

func newDefaultCGSnapshotType(now time.Time) *groupType {
	return &groupType{ID: newUUID(), Name: defaultCGSnapshotType,
		Description: ptr("Default group type for migrating cgsnapshot"), IsPublic: true,
		Specs: map[string]*string{"consistent_group_snapshot_enabled": ptr("<is> True")}, CreatedAt: now}
}

// Group types (3.11): list, show, default, create, update, delete; group
// specs are in group_specs.go.
func groupTypeRoutes() []route {
	return []route{
		rt("GET", "group_types", (*call).listGroupTypes),
		rt("GET", "group_types/{id}", (*call).showGroupType),
		rt("POST", "group_types", (*call).createGroupType),
		rt("PUT", "group_types/{id}", (*call).updateGroupType),
		rt("DELETE", "group_types/{id}", (*call).deleteGroupType),
	}
}

// groupTypeView renders a group type; only admins see its specs.
func (c *call) groupTypeView(t *groupType) map[string]any {
	out := map[string]any{"id": t.ID, "name": t.Name, "description": strOrNil(t.Description), "is_public": t.IsPublic}
	if c.admin {
		specs := map[string]*string{}
		for k, v := range t.Specs {
			specs[k] = v
		}
		out["group_specs"] = specs
	}
	return out
}

// visibleGroupType returns the group type with the given ID if the caller
// may see it (non-admins see public types only).
func (c *call) visibleGroupType(id string) *groupType {
	t := c.s.st.groupTypes[id]
	if t == nil || (!t.IsPublic && !c.admin) {
		return nil
	}
	return t
}

// groupTypeOr404 finds a visible group type by ID or answers Cinder's 404.
func (c *call) groupTypeOr404(id string) *groupType {
	t := c.visibleGroupType(id)
	if t == nil {
		c.fault(404, "Group type %s could not be found.", id)
	}
	return t
}

// groupTypeByName finds a visible group type by name.
func (c *call) groupTypeByName(name string) *groupType {
	for _, t := range c.s.st.groupTypes {
		if t.Name == name && (t.IsPublic || c.admin) {
			return t
		}
	}
	return nil
}

// groupV checks the minimum microversion of a group endpoint.
func (c *call) groupV(minor int) bool {
	if !c.at(minor) && !c.cgAPI {
		c.notFound()
		return false
	}
	return true
}

func (c *call) showGroupType() {
	if !c.groupV(11) {
		return
	}
	if c.params[0] == "default" {
		// The emulated cloud configures no default_group_type.
		c.fault(404, "Default group type can not be found.")
		return
	}
	if t := c.groupTypeOr404(c.params[0]); t != nil {
		c.json(http.StatusOK, map[string]any{"group_type": c.groupTypeView(t)})
	}
}

func (c *call) listGroupTypes() {
	if !c.groupV(11) {
		return
	}
	public := ptr(true) // nil: both
	if raw, has := c.r.URL.Query()["is_public"]; has && c.admin {
		switch v := strings.ToLower(raw[0]); {
		case v == "none":
			public = nil
		default:
			b, valid := parseBool(v)
			if !valid {
				c.fault(400, "Invalid is_public filter [%s]", raw[0])
				return
			}
			public = &b
		}
	}
	var ts []*groupType
	for _, t := range c.s.st.groupTypes {
		if public == nil || *public == t.IsPublic {
			ts = append(ts, t)
		}
	}
	// Other filters are ignored; an unknown marker starts at the first item.
	listItems(c, ts, listSpec[*groupType]{path: "group_types", key: "group_types", linksKey: "group_type_links",
		sort: typeSortKeys, id: func(t *groupType) string { return t.ID }, field: groupTypeField,
		marker: func(string) (*groupType, bool) { return nil, true }, ignoreMarker: true,
		view: func(t *groupType) any { return c.groupTypeView(t) }})
}

func groupTypeField(t *groupType, k string) string {
	switch k {
	case "id":
		return t.ID
	case "name":
		return t.Name
	case "description":
		return derefOr(t.Description, "")
	case "is_public":
		return boolStr(t.IsPublic)
	}
	return t.CreatedAt.Format(time.RFC3339Nano)
}

// boolField reads an optional parameter_types.boolean property.
func (c *call) boolField(body map[string]any, key string) (val *bool, ok bool) {
	raw, present := body[key]
	if !present {
		return nil, true
	}
	b, valid := jsonBool(raw)
	if !valid {
		c.invalidField(key, raw, pyRepr(raw, true)+" is not one of "+boolEnum)
		return nil, false
	}
	return &b, true
}

func (c *call) createGroupType() {
	if !c.groupV(11) {
		return
	}
	body, ok := c.envelope("group_type")
	if !ok {
		return
	}
	if _, has := body["name"]; !has {
		c.invalidField("group_type", body, "'name' is a required property")
		return
	}
	if !c.additional("group_type", body, []string{"name", "description", "is_public", "group_specs"}) {
		return
	}
	name, ok := c.typeText(body, "name", 1)
	if !ok {
		return
	}
	t := &groupType{ID: newUUID(), Name: *name, IsPublic: true, Specs: map[string]*string{}}
	if t.Description, ok = c.typeText(body, "description", 0); !ok {
		return
	}
	public, ok := c.boolField(body, "is_public")
	if !ok {
		return
	}
	if public != nil {
		t.IsPublic = *public
	}
	if raw, present := body["group_specs"]; present && raw != nil {
		if t.Specs, ok = c.specsField("group_specs", raw, groupTypeSpecRules); !ok {
			return
		}
	}
	if !c.requireAdmin("group:group_types:create") {
		return
	}
	if !c.newTypeName("Group Type", t.Name, c.s.st.groupTypeNamed(t.Name) != nil) {
		return
	}
	t.CreatedAt = c.s.st.now()
	c.s.st.groupTypes[t.ID] = t
	c.json(http.StatusAccepted, map[string]any{"group_type": c.groupTypeView(t)})
}

func (st *store) groupTypeNamed(name string) *groupType {
	for _, t := range st.groupTypes {
		if t.Name == name {
			return t
		}
	}
	return nil
}

func (c *call) updateGroupType() {
	if !c.groupV(11) {
		return
	}
	body, ok := c.envelope("group_type")
	if !ok || !c.additional("group_type", body, []string{"name", "description", "is_public"}) {
		return
	}
	name, ok := c.typeText(body, "name", 0)
	if !ok {
		return
	}
	desc, ok := c.typeText(body, "description", 0)
	if !ok {
		return
	}
	public, ok := c.boolField(body, "is_public")
	if !ok || !c.requireAdmin("group:group_types:update") {
		return
	}
	if name != nil && *name != "" && strings.TrimSpace(*name) == "" {
		c.fault(400, "Group type name can not be empty.")
		return
	}
	if name == nil && desc == nil && public == nil {
		c.fault(400, "Specify group type name, description or a combination thereof.")
		return
	}
	st := c.s.st
	t := st.groupTypes[c.params[0]]
	if t == nil {
		c.fault(404, "Group type %s could not be found.", c.params[0])
		return
	}
	if !c.updateTypeFields("Group Type", typeFields{&t.Name, &t.Description, &t.IsPublic}, name, desc, public,
		func(n string) bool { return st.groupTypeNamed(n) != nil }) {
		return
	}
	c.json(http.StatusOK, map[string]any{"group_type": c.groupTypeView(t)})
}

func (c *call) deleteGroupType() {
	if !c.groupV(11) || !c.requireAdmin("group:group_types:delete") {
		return
	}
	st := c.s.st
	t := st.groupTypes[c.params[0]]
	if t == nil {
		c.fault(404, "Group type %s could not be found.", c.params[0])
		return
	}
	for _, g := range st.groups {
		if g.TypeID == t.ID {
			c.fault(400, "Target group type is still in use. Group Type %s deletion is not allowed with "+
				"groups present with the type.", t.ID)
			return
		}
	}
	delete(st.groupTypes, t.ID)
	c.accepted()
}
