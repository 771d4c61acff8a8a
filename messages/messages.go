package messages

import (
	"context"
	"github.com/gocinder/cinder/volumes"
	"net/http"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// since is the microversion that brought the messages API.
var since = mv.V(3, 3)

// Manager issues message requests. Get one from cinder.Client.Messages.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Level is a message's severity. Cinder writes LevelError in practice.
type Level string

// Message levels.
const (
	LevelError   Level = "ERROR"
	LevelWarning Level = "WARNING"
	LevelInfo    Level = "INFO"
)

// ResourceType is the kind of resource a message is about.
type ResourceType string

// Resource types Cinder writes messages about.
const (
	ResourceVolume   ResourceType = "VOLUME"
	ResourceSnapshot ResourceType = "VOLUME_SNAPSHOT"
	ResourceBackup   ResourceType = "VOLUME_BACKUP"
)

// Link is a hypermedia link: the SDK's one Link type, volumes.Link.
type Link = volumes.Link

// Message is one user message, as shown by GET /messages/{id}.
type Message struct {
	ID string `json:"id"` // the message's UUID
	// EventID names what happened, e.g. "VOLUME_VOLUME_001_003" (no
	// backend could take a new volume).
	EventID      string       `json:"event_id"`
	UserMessage  string       `json:"user_message"`  // "<action>:<detail>", for people
	Level        Level        `json:"message_level"` // the message's level (wire: message_level), e.g. ERROR
	ResourceType ResourceType `json:"resource_type"` // "" when the message is about no resource
	ResourceUUID string       `json:"resource_uuid"` // the resource the message is about; "" when none
	RequestID    string       `json:"request_id"`    // of the request that failed
	CreatedAt    time.Time    `json:"-"`             // wire: created_at, no zone, UTC
	// GuaranteedUntil is when the message may be purged.
	GuaranteedUntil time.Time `json:"-"`     // wire: guaranteed_until
	Links           []Link    `json:"links"` // self and bookmark links
}

// UnmarshalJSON decodes Cinder's zone-less timestamps.
func (m *Message) UnmarshalJSON(data []byte) error {
	type plain Message
	var w struct {
		*plain
		CreatedAt       jsonx.Time `json:"created_at"`
		GuaranteedUntil jsonx.Time `json:"guaranteed_until"`
	}
	w.plain = (*plain)(m)
	if err := jsonx.Unmarshal(data, &w); err != nil {
		return err
	}
	m.CreatedAt, m.GuaranteedUntil = w.CreatedAt.Time, w.GuaranteedUntil.Time
	return nil
}

// Get returns the message with the given ID.
// GET /messages/{id}. Requires microversion 3.3.
func (m *Manager) Get(ctx context.Context, id string) (*Message, error) {
	var env struct {
		Message Message `json:"message"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "messages.Get", Path: rest.Path("messages", id), Since: since}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Message, nil
}

// Delete removes the message. DELETE /messages/{id}. Requires microversion 3.3.
func (m *Manager) Delete(ctx context.Context, id string) error {
	return m.rc.Do(ctx, rest.Call{Op: "messages.Delete", Method: http.MethodDelete,
		Path: rest.Path("messages", id), Since: since}, nil)
}
