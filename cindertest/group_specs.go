package cindertest

import (
	"net/http"
)

// groupSpecs is the group specs API of group types (3.11); every call is
// admin only.
var groupSpecs = &specAPI{field: "group_specs", rules: groupSpecRules, setStatus: http.StatusAccepted,
	nonEmpty: true,
	gate:     func(c *call) bool { return c.groupV(11) },
	find: func(c *call, op string) (specOwner, bool) {
		t := c.specGroupType("group:group_types_specs:" + op)
		if t == nil {
			return specOwner{}, false
		}
		return specOwner{id: t.ID, view: t.Specs, specs: t.Specs}, true
	},
	showMissing:   "Group Type %s has no extra spec with key %s.",
	deleteMissing: "Group Type %s has no specs with key %s.",
	deleteType:    "text/html; charset=UTF-8"}

func groupSpecRoutes() []route {
	return groupSpecs.routes("group_types/{id}/group_specs")
}

// specGroupType answers the version, policy and 404 checks of a group
// specs call.
func (c *call) specGroupType(rule string) *groupType {
	if !c.groupV(11) || !c.requireAdmin(rule) {
		return nil
	}
	return c.groupTypeOr404(c.params[0])
}
