package cindertest

import (
	"maps"
	"net/http"
	"slices"
	"time"
)

// message is a user message (3.3), created when an asynchronous operation fails.
type message struct {
	ID, ProjectID, EventID, UserMessage, RequestID, ResourceType, ResourceUUID string
	CreatedAt, Until                                                           time.Time
}

func messageRoutes() []route {
	return []route{
		rt("GET", "messages", (*call).listMessages),
		rt("GET", "messages/{id}", (*call).showMessage),
		rt("DELETE", "messages/{id}", (*call).deleteMessage),
	}
}

const (
	eventScheduleFailed = "VOLUME_VOLUME_001_003"
	msgScheduleFailed   = "schedule allocate volume:Could not find any available weighted backend."
)

// defaultMessageTTL is Cinder's message_ttl (30 days).
const defaultMessageTTL = 30 * 24 * time.Hour

// addMessage records a VOLUME error message for project.
func (st *store) addMessage(project, event, text, requestID, volumeID string, ttl time.Duration) {
	now := st.now()
	m := &message{ID: newUUID(), ProjectID: project, EventID: event, UserMessage: text, RequestID: requestID,
		ResourceType: "VOLUME", ResourceUUID: volumeID, CreatedAt: now, Until: now.Add(ttl)}
	st.messages[m.ID] = m
}

// expireMessages drops messages past their guaranteed_until.
func (st *store) expireMessages(now time.Time) {
	for id, m := range st.messages {
		if now.After(m.Until) {
			delete(st.messages, id)
		}
	}
}

func (c *call) messageView(m *message) map[string]any {
	return map[string]any{"id": m.ID, "event_id": m.EventID, "user_message": m.UserMessage,
		"message_level": "ERROR", "created_at": fmtTime(m.CreatedAt), "guaranteed_until": fmtTime(m.Until),
		"request_id": m.RequestID, "links": c.links("messages", m.ID), "resource_type": m.ResourceType,
		"resource_uuid": m.ResourceUUID}
}

func messageField(m *message, k string) string {
	switch k {
	case "id":
		return m.ID
	case "event_id":
		return m.EventID
	case "message_level":
		return "ERROR"
	case "resource_type":
		return m.ResourceType
	case "resource_uuid":
		return m.ResourceUUID
	case "request_id":
		return m.RequestID
	case "project_id":
		return m.ProjectID
	}
	return fmtTime(m.CreatedAt)
}

var messageFilters = []string{"resource_uuid", "resource_type", "event_id", "request_id", "message_level"}

// messageFilters parses the filters of a message list (3.5+). Unlike other
// lists, a non-admin's unknown filter is not dropped before 3.31: it reaches
// the database, where a key that is no message column matches nothing.
func (c *call) messageFilters() ([]volumeFilter, bool) {
	if c.admin || c.at(31) {
		filters, _, _, ok := c.parseFilters(messageFilters)
		return filters, ok
	}
	var filters []volumeFilter
	q := c.r.URL.Query()
	for _, k := range slices.Sorted(maps.Keys(q)) {
		if k != "all_tenants" && !slices.Contains(paginationParams, k) {
			filters = append(filters, volumeFilter{key: k, value: q.Get(k)})
		}
	}
	return filters, true
}

// messageFilterField reads a filterable message column; known is false for
// a key that is not one.
func messageFilterField(m *message, k string) (v string, known bool) {
	switch k {
	case "id", "event_id", "message_level", "resource_type", "resource_uuid", "request_id", "project_id":
		return messageField(m, k), true
	}
	return "", false
}

func (c *call) visibleMessage(id string) *message {
	c.s.st.expireMessages(c.s.now())
	m := c.s.st.messages[id]
	if !c.at(3) {
		c.notFound()
		return nil
	}
	if m == nil || (m.ProjectID != c.tok.projectID && !c.admin) {
		c.fault(404, "Message %s could not be found.", id)
		return nil
	}
	return m
}

func (c *call) showMessage() {
	if m := c.visibleMessage(c.params[0]); m != nil {
		c.json(http.StatusOK, map[string]any{"message": c.messageView(m)})
	}
}

func (c *call) deleteMessage() {
	if m := c.visibleMessage(c.params[0]); m != nil {
		delete(c.s.st.messages, m.ID)
		c.w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		c.w.WriteHeader(http.StatusNoContent)
	}
}

func (c *call) listMessages() {
	if !c.at(3) {
		c.notFound()
		return
	}
	// Before 3.5 Cinder reads no filter, sort or marker; a bad limit is
	// still refused by the common request checks.
	var filters []volumeFilter
	if c.at(5) {
		var ok bool
		if filters, ok = c.messageFilters(); !ok {
			return
		}
	} else if _, ok := c.parseLimit(); !ok {
		return
	}
	c.s.st.expireMessages(c.s.now())
	var ms []*message
	for _, m := range c.s.st.messages {
		if m.ProjectID != c.tok.projectID && !c.admin {
			continue
		}
		match := true
		for _, f := range filters {
			if v, known := messageFilterField(m, f.key); !known || v != f.value {
				match = false
			}
		}
		if match {
			ms = append(ms, m)
		}
	}
	if !c.at(5) {
		sortItems(ms, page{keys: []string{"created_at", "id"}, dirs: []string{"desc", "desc"}}, messageField)
		list := []any{}
		for _, m := range ms {
			list = append(list, c.messageView(m))
		}
		c.json(http.StatusOK, map[string]any{"messages": list})
		return
	}
	listItems(c, ms, listSpec[*message]{path: "messages", key: "messages",
		sort: []string{"id", "event_id", "message_level", "created_at", "resource_type", "resource_uuid", "request_id"},
		id:   func(m *message) string { return m.ID }, field: messageField,
		marker: func(string) (*message, bool) { return nil, false }, notFnd: "Message %s could not be found.",
		view: func(m *message) any { return c.messageView(m) }})
}
