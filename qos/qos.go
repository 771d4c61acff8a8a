package qos

import (
	"context"
	"errors"
	"fmt"
	"github.com/gocinder/cinder/volumes"
	"net/http"
	"net/url"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
)

// Manager issues QoS specs requests. Get one from cinder.Client.QoS.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Consumer says who enforces a QoS spec.
type Consumer string

// Consumers.
const (
	ConsumerFrontEnd Consumer = "front-end" // the compute host
	ConsumerBackEnd  Consumer = "back-end"  // the storage back end; Cinder's default
	ConsumerBoth     Consumer = "both"
)

// Link is a hypermedia link: the SDK's one Link type, volumes.Link.
type Link = volumes.Link

// Spec is a QoS spec.
type Spec struct {
	ID       string            `json:"id"`       // the QoS spec's UUID
	Name     string            `json:"name"`     // the QoS spec's name
	Consumer Consumer          `json:"consumer"` // where the spec is enforced: front-end, back-end or both
	Specs    map[string]string `json:"specs"`    // the spec's keys and values, e.g. read_iops_sec
	// Links are in Get's and Create's answers, not in lists.
	Links []Link `json:"-"`
}

type specEnv struct {
	Spec  Spec   `json:"qos_specs"`
	Links []Link `json:"links"`
}

func (e specEnv) spec() *Spec {
	s := e.Spec
	s.Links = e.Links
	return &s
}

// Get returns the QoS spec with the given ID. GET /qos-specs/{id}
func (m *Manager) Get(ctx context.Context, id string) (*Spec, error) {
	if id == "" {
		return nil, errors.New("cinder: getting a QoS spec needs its ID")
	}
	var env specEnv
	if err := m.rc.Do(ctx, rest.Call{Op: "qos.Get", Path: rest.Path("qos-specs", id)}, &env); err != nil {
		return nil, err
	}
	return env.spec(), nil
}

// CreateRequest describes a new QoS spec.
type CreateRequest struct {
	Name     string            // the QoS spec's name (required, unique)
	Consumer Consumer          // "" leaves Cinder's default, back-end
	Specs    map[string]string // e.g. {"read_iops_sec": "1000"}
}

// Create makes a QoS spec. A name in use is an error matching
// cinder.ErrConflict. POST /qos-specs (name, consumer and the specs in one
// flat object).
func (m *Manager) Create(ctx context.Context, r CreateRequest) (*Spec, error) {
	if r.Name == "" {
		return nil, errors.New("cinder: creating a QoS spec needs a name")
	}
	body := make(map[string]string, len(r.Specs)+2)
	for k, v := range r.Specs {
		if k == "name" || k == "consumer" {
			return nil, fmt.Errorf("cinder: %q is not a spec key; use CreateRequest.%s", k, map[string]string{"name": "Name", "consumer": "Consumer"}[k])
		}
		body[k] = v
	}
	body["name"] = r.Name
	if r.Consumer != "" {
		body["consumer"] = string(r.Consumer)
	}
	var env specEnv
	err := m.rc.Do(ctx, rest.Call{Op: "qos.Create", Method: http.MethodPost, Path: "qos-specs",
		Body: map[string]any{"qos_specs": body}}, &env)
	if err != nil {
		return nil, err
	}
	return env.spec(), nil
}

// SetKeys adds or changes the given keys, keeping the others; the key
// "consumer" changes the consumer. PUT /qos-specs/{id}
func (m *Manager) SetKeys(ctx context.Context, id string, specs map[string]string) error {
	if len(specs) == 0 {
		return errors.New("cinder: setting QoS keys needs at least one key")
	}
	return m.rc.Do(ctx, rest.Call{Op: "qos.SetKeys", Method: http.MethodPut, Path: rest.Path("qos-specs", id),
		Body: map[string]any{"qos_specs": specs}}, nil)
}

// UnsetKeys removes the given keys; a key the spec lacks is an error
// matching cinder.ErrNotFound. PUT /qos-specs/{id}/delete_keys
func (m *Manager) UnsetKeys(ctx context.Context, id string, keys ...string) error {
	if len(keys) == 0 {
		return errors.New("cinder: unsetting QoS keys needs at least one key")
	}
	return m.rc.Do(ctx, rest.Call{Op: "qos.UnsetKeys", Method: http.MethodPut, Path: rest.Path("qos-specs", id, "delete_keys"),
		Body: struct {
			Keys []string `json:"keys"`
		}{keys}}, nil)
}

// DeleteOptions tune Delete; a nil *DeleteOptions is the zero value.
type DeleteOptions struct {
	// Force deletes a spec still associated with volume types,
	// disassociating it first (force=True).
	Force bool
}

// Delete deletes a QoS spec. One still associated with volume types is
// refused (cinder.ErrBadRequest) unless o.Force, which disassociates it
// first. DELETE /qos-specs/{id}[?force=True]
func (m *Manager) Delete(ctx context.Context, id string, o *DeleteOptions) error {
	var q url.Values
	if o != nil && o.Force {
		q = url.Values{"force": {"True"}}
	}
	return m.rc.Do(ctx, rest.Call{Op: "qos.Delete", Method: http.MethodDelete, Path: rest.Path("qos-specs", id), Query: q}, nil)
}

// AssociationType is what a QoS spec is associated with.
type AssociationType string

// AssociationVolumeType is the only association type Cinder has.
const AssociationVolumeType AssociationType = "volume_type"

// Association is one entity a QoS spec applies to.
type Association struct {
	Type AssociationType `json:"association_type"` // what the spec is associated with (wire: association_type)
	Name string          `json:"name"`             // that entity's name
	ID   string          `json:"id"`               // that entity's ID
}

// Associations returns the volume types the QoS spec is associated with.
// GET /qos-specs/{id}/associations
func (m *Manager) Associations(ctx context.Context, id string) ([]Association, error) {
	var env struct {
		Associations []Association `json:"qos_associations"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "qos.Associations", Path: rest.Path("qos-specs", id, "associations")}, &env)
	if err != nil {
		return nil, err
	}
	return env.Associations, nil
}

// Associate applies the QoS spec to volume type typeID. A type associated
// with another spec is refused (cinder.ErrBadRequest).
// GET /qos-specs/{id}/associate?vol_type_id={typeID}
func (m *Manager) Associate(ctx context.Context, id, typeID string) error {
	return m.association(ctx, "qos.Associate", id, "associate", typeID)
}

// Disassociate stops applying the QoS spec to volume type typeID; Cinder
// accepts a type that was not associated.
// GET /qos-specs/{id}/disassociate?vol_type_id={typeID}
func (m *Manager) Disassociate(ctx context.Context, id, typeID string) error {
	return m.association(ctx, "qos.Disassociate", id, "disassociate", typeID)
}

// DisassociateAll stops applying the QoS spec to any volume type.
// GET /qos-specs/{id}/disassociate_all
func (m *Manager) DisassociateAll(ctx context.Context, id string) error {
	return m.association(ctx, "qos.DisassociateAll", id, "disassociate_all", "")
}

// association sends one of the GETs that change associations (202, no body).
func (m *Manager) association(ctx context.Context, op, id, verb, typeID string) error {
	var q url.Values
	if verb != "disassociate_all" {
		if typeID == "" {
			return fmt.Errorf("cinder: %s needs a volume type ID", op)
		}
		q = url.Values{"vol_type_id": {typeID}}
	}
	return m.rc.Do(ctx, rest.Call{Op: op, Path: rest.Path("qos-specs", id, verb), Query: q,
		Expect: []int{http.StatusAccepted, http.StatusOK}}, nil)
}

// UnmarshalJSON keeps Specs non-nil.
func (s *Spec) UnmarshalJSON(data []byte) error {
	type plain Spec
	if err := jsonx.Unmarshal(data, (*plain)(s)); err != nil {
		return err
	}
	if s.Specs == nil {
		s.Specs = map[string]string{}
	}
	return nil
}
