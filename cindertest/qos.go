package cindertest

import (
	"net/http"
	"slices"
	"sort"
	"time"
)

// qosSpec is one QoS specs entity.
type qosSpec struct {
	ID, Name, Consumer string
	Specs              map[string]string
	CreatedAt          time.Time
}

func qosRoutes() []route {
	return []route{
		rt("GET", "qos-specs", (*call).listQos),
		rt("POST", "qos-specs", (*call).createQos),
		rt("GET", "qos-specs/{id}", (*call).showQos),
		rt("PUT", "qos-specs/{id}", (*call).updateQos),
		rt("DELETE", "qos-specs/{id}", (*call).deleteQos),
		rt("PUT", "qos-specs/{id}/delete_keys", (*call).deleteQosKeys),
		rt("GET", "qos-specs/{id}/associations", (*call).qosAssociations),
		rt("GET", "qos-specs/{id}/associate", func(c *call) { c.qosAssociate(true) }),
		rt("GET", "qos-specs/{id}/disassociate", func(c *call) { c.qosAssociate(false) }),
		rt("GET", "qos-specs/{id}/disassociate_all", (*call).qosDisassociateAll),
	}
}

const qosRule = "volume_extension:qos_specs_manage:"

var qosConsumers = []string{"back-end", "front-end", "both"}

func (c *call) qosView(q *qosSpec) map[string]any {
	specs := map[string]string{}
	for k, v := range q.Specs {
		specs[k] = v
	}
	return map[string]any{"id": q.ID, "name": q.Name, "consumer": q.Consumer, "specs": specs}
}

func (c *call) qosOr404(id string) *qosSpec {
	q := c.s.st.qos[id]
	if q == nil {
		c.fault(404, "No such QoS spec %s.", id)
	}
	return q
}

func (c *call) listQos() {
	if !c.requireAdmin(qosRule + "get_all") {
		return
	}
	qs := make([]*qosSpec, 0, len(c.s.st.qos))
	for _, q := range c.s.st.qos {
		qs = append(qs, q)
	}
	// Only columns of the QoS table sort; name and consumer are key/value rows there.
	listItems(c, qs, listSpec[*qosSpec]{path: "qos-specs", key: "qos_specs", sort: []string{"id", "created_at", "updated_at"},
		id: func(q *qosSpec) string { return q.ID }, field: func(q *qosSpec, k string) string {
			switch k {
			case "id":
				return q.ID
			case "updated_at":
				return "" // never shown; null until a row changes
			}
			return fmtTime(q.CreatedAt)
		}, marker: func(string) (*qosSpec, bool) { return nil, true }, ignoreMarker: true,
		view: func(q *qosSpec) any { return c.qosView(q) }})
}

func (c *call) showQos() {
	if !c.requireAdmin(qosRule + "get") {
		return
	}
	if q := c.qosOr404(c.params[0]); q != nil {
		c.json(http.StatusOK, map[string]any{"qos_specs": c.qosView(q), "links": c.links("qos-specs", q.ID)})
	}
}

// qosSpecValues checks that every value is a string, like Cinder's create.
func (c *call) qosSpecValues(body map[string]any) (map[string]string, bool) {
	out := map[string]string{}
	for _, k := range orderedKeys(body) {
		s, isStr := body[k].(string)
		if !isStr {
			c.fault(400, "Invalid input received: Value for key \"%s\" is not a string or unicode", k)
			return nil, false
		}
		out[k] = s
	}
	return out, true
}

func (c *call) createQos() {
	body, ok := c.envelope("qos_specs")
	if !ok {
		return
	}
	if _, has := body["name"]; !has {
		c.invalidField("qos_specs", body, "'name' is a required property")
		return
	}
	if !c.requireAdmin(qosRule + "create") {
		return
	}
	specs, ok := c.qosSpecValues(body)
	if !ok {
		return
	}
	name := specs["name"]
	if name == "" {
		c.fault(400, "An invalid 'name' value was provided. The 'name' can not be None.")
		return
	}
	delete(specs, "name")
	consumer := "back-end"
	if v, has := specs["consumer"]; has {
		consumer = v
		delete(specs, "consumer")
	}
	if !slices.Contains(qosConsumers, consumer) {
		c.fault(400, "Invalid qos specs: Valid consumer of QoS specs are: QoSConsumerValues(default=<class "+
			"'oslo_versionedobjects.fields.UnspecifiedDefault'>,nullable=False,valid_values=('back-end', 'front-end', 'both'))")
		return
	}
	for _, q := range c.s.st.qos {
		if q.Name == name {
			c.fault(409, "QoS Specs %s already exists.", name)
			return
		}
	}
	q := &qosSpec{ID: newUUID(), Name: name, Consumer: consumer, Specs: specs, CreatedAt: c.s.st.now()}
	c.s.st.qos[q.ID] = q
	c.json(http.StatusOK, map[string]any{"qos_specs": c.qosView(q), "links": c.links("qos-specs", q.ID)})
}

func (c *call) updateQos() {
	body, ok := c.envelope("qos_specs")
	if !ok {
		return
	}
	for _, k := range orderedKeys(body) {
		if _, isStr := body[k].(string); !isStr && body[k] != nil {
			c.invalidField(k, body[k], pyRepr(body[k], true)+" is not of type 'string', 'null'")
			return
		}
	}
	if !c.requireAdmin(qosRule + "update") {
		return
	}
	q := c.qosOr404(c.params[0])
	if q == nil {
		return
	}
	if v, has := body["consumer"]; has {
		s, _ := v.(string)
		if !slices.Contains(qosConsumers, s) {
			c.fault(400, "Invalid qos specs: Valid consumer of QoS specs are: QoSConsumerValues(default=<class "+
				"'oslo_versionedobjects.fields.UnspecifiedDefault'>,nullable=False,valid_values=('back-end', 'front-end', 'both'))")
			return
		}
		q.Consumer = s
	}
	for k, v := range body {
		if k == "consumer" {
			continue
		}
		s, _ := v.(string)
		q.Specs[k] = s
	}
	c.json(http.StatusOK, map[string]any{"qos_specs": body})
}

func (c *call) deleteQosKeys() {
	var top map[string]any
	if !c.decode(&top) {
		return
	}
	raw, has := top["keys"]
	if !has {
		c.fault(400, "'keys' is a required property")
		return
	}
	list, isList := raw.([]any)
	if !isList {
		c.invalidField("keys", raw, pyRepr(raw, true)+" is not of type 'array'")
		return
	}
	if !c.requireAdmin(qosRule + "delete") {
		return
	}
	q := c.qosOr404(c.params[0])
	if q == nil {
		return
	}
	for _, k := range list {
		key, _ := k.(string)
		if _, ok := q.Specs[key]; !ok {
			c.fault(404, "QoS spec %s has no spec with key %s.", q.ID, key)
			return
		}
		delete(q.Specs, key)
	}
	c.accepted()
}

// qosTypes are the types associated with q, by name.
func (st *store) qosTypes(q *qosSpec) []*volumeType {
	var out []*volumeType
	for _, t := range st.types {
		if t.QosID == q.ID {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (c *call) deleteQos() {
	force, ok := c.boolQuery("force")
	if !ok || !c.requireAdmin(qosRule+"delete") {
		return
	}
	q := c.qosOr404(c.params[0])
	if q == nil {
		return
	}
	types := c.s.st.qosTypes(q)
	if len(types) > 0 && !force {
		c.fault(400, "Qos specs still in use.")
		return
	}
	for _, t := range types {
		t.QosID = ""
	}
	delete(c.s.st.qos, q.ID)
	c.accepted()
}

func (c *call) qosAssociations() {
	if !c.requireAdmin(qosRule + "get_all") {
		return
	}
	q := c.qosOr404(c.params[0])
	if q == nil {
		return
	}
	list := []any{}
	for _, t := range c.s.st.qosTypes(q) {
		list = append(list, map[string]string{"association_type": "volume_type", "name": t.Name, "id": t.ID})
	}
	c.json(http.StatusOK, map[string]any{"qos_associations": list})
}

func (c *call) qosAssociate(associate bool) {
	if !c.requireAdmin(qosRule + "update") {
		return
	}
	q := c.qosOr404(c.params[0])
	if q == nil {
		return
	}
	typeID := c.r.URL.Query().Get("vol_type_id")
	if typeID == "" {
		c.fault(400, "Volume Type id must not be None.")
		return
	}
	t := c.s.st.types[typeID]
	if t == nil {
		c.fault(404, "Volume type %s could not be found.", typeID)
		return
	}
	switch {
	case associate && t.QosID != "" && t.QosID != q.ID:
		c.fault(400, "Invalid volume type: Type %s is already associated with another qos specs: %s", t.ID, t.QosID)
		return
	case associate:
		t.QosID = q.ID
	case t.QosID == q.ID:
		t.QosID = ""
	}
	c.accepted()
}

func (c *call) qosDisassociateAll() {
	if !c.requireAdmin(qosRule + "update") {
		return
	}
	q := c.qosOr404(c.params[0])
	if q == nil {
		return
	}
	for _, t := range c.s.st.qosTypes(q) {
		t.QosID = ""
	}
	c.accepted()
}
