package cindertest

import (
	"net/http"
	"slices"
	"strings"
)

// Volume types: list, show, default, create, update, delete. Extra specs and
// access are in type_specs.go, encryption in encryption.go.
func typeRoutes() []route {
	return []route{
		rt("GET", "types", (*call).listTypes),
		rt("GET", "types/default", (*call).showDefaultType),
		rt("GET", "types/{id}", (*call).showType),
		rt("POST", "types", (*call).createType),
		rt("PUT", "types/{id}", (*call).updateType),
		rt("DELETE", "types/{id}", (*call).deleteType),
	}
}

// userVisibleSpecs are the extra specs non-admins see.
var userVisibleSpecs = []string{"RESKEY:availability_zones", "multiattach", "replication_enabled"}

func (c *call) visibleSpecs(t *volumeType) map[string]*string {
	out := map[string]*string{}
	for k, v := range t.ExtraSpecs {
		if c.admin || slices.Contains(userVisibleSpecs, k) {
			out[k] = v
		}
	}
	return out
}

// typeView renders a type; kind is "show" (also lists), "default", "create" or "update".
func (c *call) typeView(t *volumeType, kind string) map[string]any {
	out := map[string]any{"id": t.ID, "name": t.Name, "is_public": t.IsPublic,
		"description": strOrNil(t.Description), "extra_specs": c.visibleSpecs(t)}
	if kind == "show" || kind == "create" {
		out["os-volume-type-access:is_public"] = t.IsPublic
	}
	if c.admin && (kind == "show" || kind == "default") {
		out["qos_specs_id"] = nilIfEmpty(t.QosID)
	}
	return out
}

// typeVisible reports whether the caller may see t.
func (c *call) typeVisible(t *volumeType) bool {
	return t.IsPublic || c.admin || t.Access[c.tok.projectID]
}

// typeOr404 finds a visible type by ID (or name when byName) or answers 404.
func (c *call) typeOr404(id string, byName bool) *volumeType {
	t := c.s.st.types[id]
	if t == nil && byName {
		t = c.s.st.typeByNameOrID(id)
	}
	if t == nil || !c.typeVisible(t) {
		c.fault(404, "Volume type %s could not be found.", id)
		return nil
	}
	return t
}

func (c *call) showType() {
	if t := c.typeOr404(c.params[0], false); t != nil {
		c.json(http.StatusOK, map[string]any{"volume_type": c.typeView(t, "show")})
	}
}

// projectDefaultType is the type a project's volumes get without volume_type.
func (st *store) projectDefaultType(project string) string {
	if id, ok := st.projTypes[project]; ok && st.types[id] != nil {
		return id
	}
	return st.defType
}

func (c *call) showDefaultType() {
	t := c.s.st.types[c.s.st.projectDefaultType(c.tok.projectID)]
	c.json(http.StatusOK, map[string]any{"volume_type": c.typeView(t, "default")})
}

var typeSortKeys = []string{"id", "name", "description", "is_public", "created_at", "updated_at"}

func (c *call) listTypes() {
	q := c.r.URL.Query()
	public := ptr(true) // nil: both
	if raw, has := q["is_public"]; has {
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
	if !c.admin {
		public = ptr(true)
	}
	var specs map[string]string
	var invalid []string
	empty := false
	for _, k := range sortedQueryKeys(q) {
		if slices.Contains(paginationParams, k) || k == "is_public" {
			continue
		}
		v := q.Get(k)
		switch {
		case !c.admin:
			invalid = append(invalid, k)
		case k == "extra_specs" && c.at(52):
			d, valid := parsePyDict(v)
			if !valid {
				empty = true
			}
			specs = d
		case k == "name" || k == "description" || k == "id":
		default:
			empty = true
		}
	}
	if len(invalid) > 0 {
		c.fault(400, "Invalid filters %s are found in query options.", strings.Join(invalid, ","))
		return
	}
	var ts []*volumeType
	for _, t := range c.s.st.types {
		if empty {
			break
		}
		switch {
		case public == nil:
		case *public && !t.IsPublic && !t.Access[c.tok.projectID]:
			continue
		case !*public && t.IsPublic:
			continue
		}
		if !typeMatches(t, q, specs) {
			continue
		}
		ts = append(ts, t)
	}
	listItems(c, ts, listSpec[*volumeType]{path: "types", key: "volume_types", linksKey: "volume_type_links",
		sort: typeSortKeys, id: func(t *volumeType) string { return t.ID }, field: typeField,
		marker: func(string) (*volumeType, bool) { return nil, true }, ignoreMarker: true,
		view: func(t *volumeType) any { return c.typeView(t, "show") }})
}

func typeMatches(t *volumeType, q map[string][]string, specs map[string]string) bool {
	for k, want := range map[string]string{"name": t.Name, "description": derefOr(t.Description, ""), "id": t.ID} {
		if vals, has := q[k]; has && vals[0] != want {
			return false
		}
	}
	for k, v := range specs {
		if have := t.ExtraSpecs[k]; have == nil || *have != v {
			return false
		}
	}
	return true
}

func typeField(t *volumeType, k string) string {
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
	return fmtTime(t.CreatedAt)
}

func derefOr(p *string, def string) string {
	if p == nil {
		return def
	}
	return *p
}

func sortedQueryKeys(q map[string][]string) []string {
	var ks []string
	for k := range q {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

var typeCreateKeys = []string{"name", "description", "os-volume-type-access:is_public", "extra_specs"}

// typeText validates name (minLen 1, not null) or description (minLen 0, null
// allowed) of a volume or group type body; at most 255 characters.
func (c *call) typeText(body map[string]any, key string, minLen int) (*string, bool) {
	raw, present := body[key]
	if !present || raw == nil {
		if present && minLen > 0 {
			c.invalidField(key, raw, "None is not of type 'string'")
			return nil, false
		}
		return nil, true
	}
	s, isStr := raw.(string)
	switch {
	case !isStr && minLen > 0:
		c.invalidField(key, raw, pyRepr(raw, true)+" is not of type 'string'")
		return nil, false
	case !isStr:
		c.invalidField(key, raw, pyRepr(raw, true)+" is not of type 'string', 'null'")
		return nil, false
	case len(s) < minLen:
		c.invalidField(key, raw, "'' is too short")
		return nil, false
	case len([]rune(s)) > 255:
		c.invalidField(key, raw, "'"+s+"' is too long")
		return nil, false
	}
	return &s, true
}

func (c *call) createType() {
	body, ok := c.envelope("volume_type")
	if !ok {
		return
	}
	if _, has := body["name"]; !has {
		c.invalidField("volume_type", body, "'name' is a required property")
		return
	}
	if !c.additional("volume_type", body, typeCreateKeys) {
		return
	}
	name, ok := c.typeText(body, "name", 1)
	if !ok {
		return
	}
	t := &volumeType{ID: newUUID(), Name: *name, IsPublic: true, ExtraSpecs: map[string]*string{},
		Access: map[string]bool{}}
	if t.Description, ok = c.typeText(body, "description", 0); !ok {
		return
	}
	public, ok := c.boolField(body, "os-volume-type-access:is_public")
	if !ok {
		return
	}
	if public != nil {
		t.IsPublic = *public
	}
	if raw, present := body["extra_specs"]; present {
		if t.ExtraSpecs, ok = c.specsField("extra_specs", raw, extraSpecRules); !ok {
			return
		}
	}
	if !c.requireAdmin("volume_extension:type_create") {
		return
	}
	if !c.newTypeName("Volume Type", t.Name, c.s.st.typeByName(t.Name) != nil) {
		return
	}
	t.CreatedAt = c.s.st.now()
	c.s.st.types[t.ID] = t
	c.json(http.StatusOK, map[string]any{"volume_type": c.typeView(t, "create")})
}

// newTypeName answers 400 for a blank name and 409 for a taken one of a
// new volume or group type (kind names it).
func (c *call) newTypeName(kind, name string, taken bool) bool {
	if strings.TrimSpace(name) == "" {
		c.fault(400, "An invalid 'name' value was provided. The 'name' can not be empty.")
		return false
	}
	if taken {
		c.fault(409, "%s %s already exists.", kind, name)
		return false
	}
	return true
}

// typeFields points at the fields an update of a volume or group type changes.
type typeFields struct {
	name        *string
	description **string
	public      *bool
}

// updateTypeFields applies the new name, description and is_public (nil:
// unchanged) to f; a name another type has (taken) answers 409.
func (c *call) updateTypeFields(kind string, f typeFields, name, desc *string, public *bool,
	taken func(string) bool) bool {
	if name != nil && *name != *f.name {
		if taken(*name) {
			c.fault(409, "%s %s already exists.", kind, *name)
			return false
		}
		*f.name = *name
	}
	if desc != nil {
		*f.description = desc
	}
	if public != nil {
		*f.public = *public
	}
	return true
}

func (st *store) typeByName(name string) *volumeType {
	for _, t := range st.types {
		if t.Name == name {
			return t
		}
	}
	return nil
}

func (c *call) updateType() {
	body, ok := c.envelope("volume_type")
	if !ok {
		return
	}
	if !c.additional("volume_type", body, []string{"name", "description", "is_public"}) {
		return
	}
	name, ok := c.typeText(body, "name", 1)
	if !ok {
		return
	}
	desc, ok := c.typeText(body, "description", 0)
	if !ok {
		return
	}
	var public *bool
	if raw, present := body["is_public"]; present && raw != nil {
		b, valid := jsonBool(raw)
		if !valid {
			c.invalidField("is_public", raw, pyRepr(raw, true)+" is not one of "+boolEnum)
			return
		}
		public = &b
	}
	if !c.requireAdmin("volume_extension:type_update") {
		return
	}
	if name == nil && desc == nil && public == nil {
		c.fault(400, "Specify volume type name, description, is_public or a combination thereof.")
		return
	}
	if name != nil && strings.TrimSpace(*name) == "" {
		c.fault(400, "Volume type name can not be empty.")
		return
	}
	t := c.s.st.types[c.params[0]]
	if t == nil {
		c.fault(404, "Volume type %s could not be found.", c.params[0])
		return
	}
	if !c.updateTypeFields("Volume Type", typeFields{&t.Name, &t.Description, &t.IsPublic}, name, desc, public,
		func(n string) bool { return c.s.st.typeByName(n) != nil }) {
		return
	}
	c.json(http.StatusOK, map[string]any{"volume_type": c.typeView(t, "update")})
}

// typeInUse reports whether any volume uses the type.
func (st *store) typeInUse(id string) bool {
	for _, v := range st.volumes {
		if v.TypeID == id {
			return true
		}
	}
	return false
}

func (c *call) deleteType() {
	if !c.requireAdmin("volume_extension:type_delete") {
		return
	}
	st := c.s.st
	t := st.types[c.params[0]]
	if t == nil {
		c.fault(404, "Volume type %s could not be found.", c.params[0])
		return
	}
	isProjectDefault := false
	for _, id := range st.projTypes {
		isProjectDefault = isProjectDefault || id == t.ID
	}
	if t.ID == st.defType || isProjectDefault {
		c.fault(400, "The volume type %s is a default volume type and cannot be deleted.", t.ID)
		return
	}
	if st.typeInUse(t.ID) || st.typeInGroup(t.ID) {
		c.fault(400, "Target volume type is still in use.")
		return
	}
	delete(st.types, t.ID)
	c.accepted()
}
