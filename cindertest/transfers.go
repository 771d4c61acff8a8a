package cindertest

import (
	"net/http"
	"time"
)

// transfer is one pending volume transfer; guarded by Server.mu.
type transfer struct {
	ID, VolumeID, AuthKey string
	Name                  *string
	SourceProject         string
	NoSnapshots           bool
	CreatedAt             time.Time
}

func transferRoutes() []route {
	var rs []route
	for _, base := range []string{"os-volume-transfer", "volume-transfers"} {
		rs = append(rs,
			rt("GET", base, func(c *call) { c.listTransfers(base, false) }),
			rt("GET", base+"/detail", func(c *call) { c.listTransfers(base, true) }),
			rt("POST", base, func(c *call) { c.createTransfer(base) }),
			rt("GET", base+"/{id}", (*call).showTransfer),
			rt("DELETE", base+"/{id}", (*call).deleteTransfer),
			rt("POST", base+"/{id}/accept", (*call).acceptTransfer),
		)
	}
	return rs
}

// Transfer links always name the legacy os-volume-transfer collection.
func (c *call) transferSummary(t *transfer) map[string]any {
	return map[string]any{"id": t.ID, "volume_id": t.VolumeID, "name": strOrNil(t.Name),
		"links": c.links("os-volume-transfer", t.ID)}
}

func (c *call) transferDetail(t *transfer) map[string]any {
	out := c.transferSummary(t)
	out["created_at"] = fmtTime(t.CreatedAt)
	if c.at(55) {
		out["no_snapshots"] = t.NoSnapshots
	}
	if c.at(57) {
		out["source_project_id"] = t.SourceProject
		out["destination_project_id"] = nil
		out["accepted"] = false
	}
	return out
}

var transferSortKeys = []string{"id", "name", "volume_id", "created_at", "updated_at", "source_project_id",
	"destination_project_id", "accepted", "no_snapshots"}

func (c *call) listTransfers(base string, detail bool) {
	all := c.admin && c.r.URL.Query().Has("all_tenants")
	var items []*transfer
	for _, t := range c.s.st.transfers {
		if all || t.SourceProject == c.tok.projectID {
			items = append(items, t)
		}
	}
	path, view := base, c.transferSummary
	if detail {
		path, view = base+"/detail", c.transferDetail
	}
	if !c.at(59) {
		// Before 3.59 transfers are neither sorted by request nor paginated.
		sortItems(items, page{keys: []string{"created_at", "id"}, dirs: []string{"desc", "desc"}}, transferSortField)
		list := []any{}
		for _, t := range items {
			list = append(list, view(t))
		}
		c.json(http.StatusOK, map[string]any{"transfers": list})
		return
	}
	if c.sortNamed("name") {
		c.fault(400, "Invalid input received: Invalid sort key")
		return
	}
	listItems(c, items, listSpec[*transfer]{path: path, key: "transfers", sort: transferSortKeys,
		id: func(t *transfer) string { return t.ID }, field: transferSortField,
		marker: func(id string) (*transfer, bool) { t := c.visibleTransfer(id); return t, t != nil },
		notFnd: "Transfer %s could not be found.", view: func(t *transfer) any { return view(t) }})
}

func transferSortField(t *transfer, k string) string {
	switch k {
	case "id":
		return t.ID
	case "name":
		return deref(t.Name)
	case "volume_id":
		return t.VolumeID
	case "created_at", "updated_at":
		return t.CreatedAt.Format(time.RFC3339Nano)
	case "source_project_id":
		return t.SourceProject
	case "no_snapshots":
		return boolStr(t.NoSnapshots)
	}
	return ""
}

func (c *call) visibleTransfer(id string) *transfer {
	t := c.s.st.transfers[id]
	if t == nil || (t.SourceProject != c.tok.projectID && !c.admin) {
		return nil
	}
	return t
}

func (c *call) transferOr404(id string) *transfer {
	t := c.visibleTransfer(id)
	if t == nil {
		c.fault(404, "Transfer %s could not be found.", id)
	}
	return t
}

func (c *call) createTransfer(base string) {
	body, ok := c.envelope("transfer")
	if !ok || !c.required("transfer", body, "volume_id") {
		return
	}
	allowed := []string{"volume_id", "name"}
	if base == "volume-transfers" && c.at(55) {
		allowed = append(allowed, "no_snapshots")
	}
	if !c.additional("transfer", body, allowed) {
		return
	}
	name, ok := c.textField(body, "name")
	if !ok {
		return
	}
	noSnaps := false
	if raw, present := body["no_snapshots"]; present {
		if noSnaps, ok = jsonBool(raw); !ok {
			c.invalidField("no_snapshots", raw, pyRepr(raw, true)+" is not one of "+boolEnum)
			return
		}
	}
	vid, _ := body["volume_id"].(string)
	v := c.volumeOr404(vid)
	if v == nil {
		return
	}
	if v.Status != "available" {
		c.invalidVolume("status must be available")
		return
	}
	if v.Encrypted {
		if !c.at(70) || base != "volume-transfers" {
			c.invalidVolume("transferring encrypted volume is not supported")
			return
		}
		if noSnaps {
			c.invalidVolume("transferring an encrypted volume without its snapshots is not supported")
			return
		}
	}
	if !noSnaps {
		for _, s := range c.s.st.snapshotsOf(v.ID) {
			if s.Status != "available" {
				c.fault(400, "Invalid snapshot: snapshot: %s status must be available", s.ID)
				return
			}
		}
	}
	st := c.s.st
	t := &transfer{ID: newUUID(), VolumeID: v.ID, Name: name, AuthKey: randHex(16),
		SourceProject: v.ProjectID, NoSnapshots: noSnaps, CreatedAt: st.now()}
	st.transfers[t.ID] = t
	v.pending = false
	v.Status = "awaiting-transfer"
	st.touch(v)
	out := c.transferDetail(t)
	out["auth_key"] = t.AuthKey
	c.json(http.StatusAccepted, map[string]any{"transfer": out})
}

func (c *call) showTransfer() {
	if t := c.transferOr404(c.params[0]); t != nil {
		c.json(http.StatusOK, map[string]any{"transfer": c.transferDetail(t)})
	}
}

func (c *call) deleteTransfer() {
	t := c.transferOr404(c.params[0])
	if t == nil {
		return
	}
	st := c.s.st
	delete(st.transfers, t.ID)
	if v := st.volumes[t.VolumeID]; v != nil && v.Status == "awaiting-transfer" {
		v.Status = "available"
		st.touch(v)
	}
	c.accepted()
}

func (c *call) acceptTransfer() {
	body, ok := c.envelope("accept")
	if !ok || !c.required("accept", body, "auth_key") {
		return
	}
	st := c.s.st
	id := c.params[0]
	t := st.transfers[id] // any project may accept
	if t == nil {
		c.fault(404, "Transfer %s could not be found.", id)
		return
	}
	if key, _ := body["auth_key"].(string); key != t.AuthKey {
		c.fault(400, "Invalid auth key: Attempt to transfer %s with invalid auth key.", t.ID)
		return
	}
	v := st.volumes[t.VolumeID]
	if v == nil {
		c.fault(404, "Volume %s could not be found.", t.VolumeID)
		return
	}
	dest := c.tok.projectID
	if dest != v.ProjectID {
		if q := st.quota(dest); q.PerVolumeGigabytes >= 0 && v.Size > q.PerVolumeGigabytes {
			c.fault(413, "VolumeSizeExceedsLimit: Requested volume size %dG is larger than maximum allowed limit %dG.",
				v.Size, q.PerVolumeGigabytes)
			return
		}
		if msg := st.checkQuota(dest, v.TypeID, 1, v.Size); msg != "" {
			c.fault(413, "%s", msg)
			return
		}
	}
	v.ProjectID, v.UserID = dest, c.tok.userID
	if !t.NoSnapshots {
		for _, s := range st.snapshotsOf(v.ID) {
			s.ProjectID, s.UserID = dest, c.tok.userID
		}
	}
	v.Status = "available"
	st.touch(v)
	delete(st.transfers, t.ID)
	c.json(http.StatusAccepted, map[string]any{"transfer": c.transferSummary(t)})
}
