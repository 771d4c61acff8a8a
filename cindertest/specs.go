package cindertest

import (
	"net/http"
	"strings"
)

// specRules are the validation rules of a key/value specs object.
type specRules struct {
	keyChars string // allowed punctuation in keys besides [a-zA-Z0-9]
	nullable bool   // values may be null
	runes    bool   // the 255 limit on values counts characters, not bytes
}

var (
	// extraSpecRules validate the extra specs of volume types.
	extraSpecRules = specRules{keyChars: "-_:. /", nullable: true}
	// groupSpecRules validate the body of the group specs API.
	groupSpecRules = specRules{keyChars: "-_:.", nullable: true, runes: true}
	// groupTypeSpecRules validate the group_specs of a group type create body.
	groupTypeSpecRules = specRules{keyChars: "-_:. /", runes: true}
)

// specsField validates a specs object by the rules r.
func (c *call) specsField(field string, raw any, r specRules) (map[string]*string, bool) {
	obj, isObj := raw.(map[string]any)
	if !isObj {
		c.invalidField(field, raw, pyRepr(raw, true)+" is not of type 'object'")
		return nil, false
	}
	why := " is not of type 'string'"
	if r.nullable {
		why = " is not of type 'string', 'null'"
	}
	out := map[string]*string{}
	for _, k := range orderedKeys(obj) {
		if !specKey(k, r.keyChars) {
			c.invalidField(field, obj, "'"+k+"' does not match any of the regexes: '^[a-zA-Z0-9"+r.keyChars+"]{1,255}$'")
			return nil, false
		}
		switch v := obj[k].(type) {
		case nil:
			if !r.nullable {
				c.invalidField(k, v, "None is not of type 'string'")
				return nil, false
			}
			out[k] = nil
		case string:
			n := len(v)
			if r.runes {
				n = len([]rune(v))
			}
			if n > 255 {
				c.invalidField(k, v, "'"+v+"' is too long")
				return nil, false
			}
			out[k] = &v
		default:
			c.invalidField(k, v, pyRepr(v, true)+why)
			return nil, false
		}
	}
	return out, true
}

// specKey reports whether k is 1-255 of [a-zA-Z0-9] and the characters in chars.
func specKey(k, chars string) bool {
	if len(k) == 0 || len(k) > 255 {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(chars, r)) {
			return false
		}
	}
	return true
}

// specOwner is a type with key/value specs, as the shared specs handlers see it.
type specOwner struct {
	id       string
	view     map[string]*string // what the caller may read
	specs    map[string]*string // what writes change
	writable func() bool        // answers 400 when the specs can not change; nil: always writable
}

// specAPI describes one key/value specs API: extra specs of volume types or
// group specs of group types.
type specAPI struct {
	field string                                     // "extra_specs" or "group_specs"
	rules specRules                                  // body validation
	gate  func(c *call) bool                         // checks before the body is read; nil: none
	find  func(c *call, op string) (specOwner, bool) // policy op (get_all, get, create, update, delete) and 404
	// setStatus is the status of a set; nonEmpty rejects an empty update body.
	setStatus int
	nonEmpty  bool
	// showMissing and deleteMissing are the 404 texts (type ID, key).
	showMissing, deleteMissing string
	deleteType                 string // Content-Type of the delete answer
}

func (a *specAPI) routes(base string) []route {
	return []route{
		rt("GET", base, a.list),
		rt("POST", base, a.set),
		rt("GET", base+"/{key}", a.show),
		rt("PUT", base+"/{key}", a.update),
		rt("DELETE", base+"/{key}", a.delete),
	}
}

func (a *specAPI) gated(c *call) bool { return a.gate == nil || a.gate(c) }

func (o specOwner) canWrite() bool { return o.writable == nil || o.writable() }

func (a *specAPI) list(c *call) {
	if o, ok := a.find(c, "get_all"); ok {
		c.json(http.StatusOK, map[string]any{a.field: o.view})
	}
}

func (a *specAPI) show(c *call) {
	o, ok := a.find(c, "get")
	if !ok {
		return
	}
	key := c.params[1]
	v, ok := o.view[key]
	if !ok {
		c.fault(404, a.showMissing, o.id, key)
		return
	}
	c.json(http.StatusOK, map[string]any{key: v})
}

func (a *specAPI) set(c *call) {
	if !a.gated(c) {
		return
	}
	var top map[string]any
	if !c.decode(&top) {
		return
	}
	raw, has := top[a.field]
	if !has {
		c.fault(400, "'%s' is a required property", a.field)
		return
	}
	specs, ok := c.specsField(a.field, raw, a.rules)
	if !ok {
		return
	}
	o, ok := a.find(c, "create")
	if !ok || !o.canWrite() {
		return
	}
	for k, v := range specs {
		o.specs[k] = v
	}
	c.json(a.setStatus, map[string]any{a.field: specs})
}

func (a *specAPI) update(c *call) {
	if !a.gated(c) {
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
	case len(body) == 0 && a.nonEmpty:
		c.fault(400, "{} does not have enough properties")
		return
	}
	specs, ok := c.specsField(a.field, body, a.rules)
	if !ok {
		return
	}
	o, ok := a.find(c, "update")
	if !ok {
		return
	}
	key := c.params[1]
	v, match := specs[key]
	if !match {
		c.fault(400, "Request body and URI mismatch")
		return
	}
	if !o.canWrite() {
		return
	}
	o.specs[key] = v
	c.json(http.StatusOK, map[string]any{key: v})
}

func (a *specAPI) delete(c *call) {
	o, ok := a.find(c, "delete")
	if !ok {
		return
	}
	key := c.params[1]
	if _, ok := o.specs[key]; !ok {
		c.fault(404, a.deleteMissing, o.id, key)
		return
	}
	if !o.canWrite() {
		return
	}
	delete(o.specs, key)
	c.w.Header().Set("Content-Type", a.deleteType)
	c.w.WriteHeader(http.StatusAccepted)
}
