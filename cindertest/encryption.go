package cindertest

import (
	"maps"
	"net/http"
	"time"
)

// encryption is a volume type's encryption specs.
type encryption struct {
	ID                        string
	Provider, ControlLocation string
	Cipher                    *string
	KeySize                   *int
	CreatedAt                 time.Time
	UpdatedAt                 *time.Time
}

func encryptionRoutes() []route {
	return []route{
		rt("GET", "types/{id}/encryption", (*call).showEncryption),
		rt("GET", "types/{id}/encryption/{key}", (*call).showEncryptionKey),
		rt("POST", "types/{id}/encryption", (*call).createEncryption),
		rt("PUT", "types/{id}/encryption/{key}", (*call).updateEncryption),
		rt("DELETE", "types/{id}/encryption/{key}", (*call).deleteEncryption),
	}
}

func (e *encryption) fields() map[string]any {
	var ks any
	if e.KeySize != nil {
		ks = *e.KeySize
	}
	return map[string]any{"provider": e.Provider, "control_location": e.ControlLocation,
		"cipher": strOrNil(e.Cipher), "key_size": ks}
}

// encryptionType checks the policy and finds the type.
func (c *call) encryptionType(action string) *volumeType {
	if !c.requireAdmin("volume_extension:volume_type_encryption:" + action) {
		return nil
	}
	t := c.s.st.types[c.params[0]]
	if t == nil {
		c.fault(404, "Volume type %s could not be found.", c.params[0])
	}
	return t
}

func (c *call) showEncryption() {
	t := c.encryptionType("get")
	if t == nil {
		return
	}
	e := t.Encryption
	if e == nil {
		c.json(http.StatusOK, map[string]any{})
		return
	}
	out := e.fields()
	out["encryption_id"], out["volume_type_id"] = e.ID, t.ID
	out["created_at"], out["updated_at"] = fmtTime(e.CreatedAt), fmtTimePtr(e.UpdatedAt)
	out["deleted_at"], out["deleted"] = nil, false
	c.json(http.StatusOK, out)
}

func (c *call) encryptionOr404(t *volumeType) *encryption {
	if t.Encryption == nil {
		c.fault(404, "Volume type encryption for type %s does not exist.", t.ID)
	}
	return t.Encryption
}

func (c *call) showEncryptionKey() {
	t := c.encryptionType("get")
	if t == nil {
		return
	}
	e := c.encryptionOr404(t)
	if e == nil {
		return
	}
	key := c.params[1]
	v, ok := e.fields()[key]
	if !ok {
		c.fault(404, "Volume type encryption for type %s does not exist.", t.ID)
		return
	}
	c.json(http.StatusOK, map[string]any{key: v})
}

// encryptionBody validates the fields of a create or update body.
func (c *call) encryptionBody(body map[string]any, create bool) bool {
	if create {
		for _, k := range []string{"provider", "control_location"} {
			if _, has := body[k]; !has {
				c.invalidField("encryption", body, "'"+k+"' is a required property")
				return false
			}
		}
	}
	if raw, has := body["provider"]; has {
		if _, isStr := raw.(string); !isStr {
			c.invalidField("provider", raw, pyRepr(raw, true)+" is not of type 'string'")
			return false
		}
	}
	if raw, has := body["control_location"]; has {
		if s, _ := raw.(string); s != "front-end" && s != "back-end" {
			c.invalidField("control_location", raw, pyRepr(raw, true)+" is not one of ['front-end', 'back-end']")
			return false
		}
	}
	if raw, has := body["cipher"]; has && raw != nil {
		if _, isStr := raw.(string); !isStr {
			c.invalidField("cipher", raw, pyRepr(raw, true)+" is not of type 'string', 'null'")
			return false
		}
	}
	if raw, has := body["key_size"]; has && raw != nil {
		f, isNum := raw.(float64)
		if !isNum || f != float64(int(f)) {
			c.fault(400, "Invalid input received: key_size must be an integer.")
			return false
		}
		if f < 0 {
			c.invalidField("key_size", raw, pyRepr(raw, false)+" is less than the minimum of 0")
			return false
		}
	}
	return true
}

func (e *encryption) apply(body map[string]any) {
	if s, ok := body["provider"].(string); ok {
		e.Provider = s
	}
	if s, ok := body["control_location"].(string); ok {
		e.ControlLocation = s
	}
	if raw, has := body["cipher"]; has {
		s, _ := raw.(string)
		e.Cipher = nil
		if raw != nil {
			e.Cipher = &s
		}
	}
	if raw, has := body["key_size"]; has {
		e.KeySize = nil
		if f, ok := raw.(float64); ok {
			e.KeySize = ptr(int(f))
		}
	}
}

func (c *call) createEncryption() {
	body, ok := c.envelope("encryption")
	if !ok || !c.encryptionBody(body, true) {
		return
	}
	t := c.encryptionType("create")
	if t == nil {
		return
	}
	if c.s.st.typeInUse(t.ID) {
		c.fault(400, "Cannot create encryption specs. Volume type in use.")
		return
	}
	if t.Encryption != nil {
		c.fault(400, "Volume type encryption for type %s already exists.", t.ID)
		return
	}
	e := &encryption{ID: newUUID(), CreatedAt: c.s.st.now()}
	e.apply(body)
	t.Encryption = e
	out := maps.Clone(body)
	out["volume_type_id"], out["encryption_id"] = t.ID, e.ID
	c.json(http.StatusOK, map[string]any{"encryption": out})
}

func (c *call) updateEncryption() {
	body, ok := c.envelope("encryption")
	if !ok || !c.encryptionBody(body, false) {
		return
	}
	t := c.encryptionType("update")
	if t == nil {
		return
	}
	if c.s.st.typeInUse(t.ID) {
		c.fault(400, "Cannot update encryption specs. Volume type in use.")
		return
	}
	e := c.encryptionOr404(t)
	if e == nil {
		return
	}
	e.apply(body)
	now := c.s.st.now()
	e.UpdatedAt = &now
	c.json(http.StatusOK, map[string]any{"encryption": body})
}

func (c *call) deleteEncryption() {
	t := c.encryptionType("delete")
	if t == nil {
		return
	}
	if c.encryptionOr404(t) == nil {
		return
	}
	if c.s.st.typeInUse(t.ID) {
		c.fault(400, "Cannot delete encryption specs. Volume type in use.")
		return
	}
	t.Encryption = nil
	c.accepted()
}
