package quotas

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"

	"github.com/gocinder/cinder/internal/rest"
)

// Manager issues quota requests. Get one from cinder.Client.Quotas.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// UpdateRequest is the body of PUT /os-quota-sets/{project_id} and PUT
// /os-quota-class-sets/{class}. Nil fields are left as they are; -1 means
// unlimited. A project's new limit may not be below what it already uses
// (the server answers 400).
type UpdateRequest struct {
	Volumes            *int // number of volumes
	Snapshots          *int // number of snapshots
	Gigabytes          *int // total volume and snapshot size, GiB
	Backups            *int // number of backups
	BackupGigabytes    *int // total backup size, GiB
	PerVolumeGigabytes *int // largest single volume, GiB
	Groups             *int // number of groups

	// Types sets per-volume-type quotas by type name; the type must exist.
	Types map[string]TypeUpdate
}

// TypeUpdate sets the quotas of one volume type; nil fields are left as
// they are.
type TypeUpdate struct {
	Volumes   *int // wire: volumes_<type>
	Gigabytes *int // wire: gigabytes_<type>
	Snapshots *int // wire: snapshots_<type>
}

// values flattens r into the server's key space, checking each value.
func (r UpdateRequest) values() (map[string]int, error) {
	out := map[string]int{}
	var bad []string
	put := func(key string, v *int) {
		if v == nil {
			return
		}
		if *v < -1 {
			bad = append(bad, fmt.Sprintf("%s=%d", key, *v))
		}
		out[key] = *v
	}
	put("volumes", r.Volumes)
	put("snapshots", r.Snapshots)
	put("gigabytes", r.Gigabytes)
	put("backups", r.Backups)
	put("backup_gigabytes", r.BackupGigabytes)
	put("per_volume_gigabytes", r.PerVolumeGigabytes)
	put("groups", r.Groups)
	for typ, t := range r.Types {
		if typ == "" {
			return nil, errors.New("cinder: a per-type quota needs a volume type name")
		}
		put("volumes_"+typ, t.Volumes)
		put("gigabytes_"+typ, t.Gigabytes)
		put("snapshots_"+typ, t.Snapshots)
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return nil, fmt.Errorf("cinder: quota limits must be -1 (unlimited) or more: %v", bad)
	}
	if len(out) == 0 {
		return nil, errors.New("cinder: a quota update needs at least one value")
	}
	return out, nil
}

// Get returns the project's quota limits.
// GET /os-quota-sets/{project_id}
func (m *Manager) Get(ctx context.Context, projectID string) (*QuotaSet, error) {
	return get[int](ctx, m.rc, "quotas.Get", projectID, nil, "")
}

// Usage returns the project's quota limits with what is in use and
// reserved. GET /os-quota-sets/{project_id}?usage=True
func (m *Manager) Usage(ctx context.Context, projectID string) (*UsageSet, error) {
	return get[Usage](ctx, m.rc, "quotas.Usage", projectID, url.Values{"usage": {"True"}}, "")
}

// Defaults returns the quotas a project gets when none are set for it.
// GET /os-quota-sets/{project_id}/defaults
func (m *Manager) Defaults(ctx context.Context, projectID string) (*QuotaSet, error) {
	return get[int](ctx, m.rc, "quotas.Defaults", projectID, nil, "defaults")
}

// Update sets some of the project's quotas and returns all of them.
// PUT /os-quota-sets/{project_id}. Admin only.
func (m *Manager) Update(ctx context.Context, projectID string, r UpdateRequest) (*QuotaSet, error) {
	return update(ctx, m.rc, "quotas.Update", "os-quota-sets", "quota_set", projectID, r)
}

// Delete removes the project's own quotas, so that the defaults apply
// again. DELETE /os-quota-sets/{project_id}. Admin only.
func (m *Manager) Delete(ctx context.Context, projectID string) error {
	if projectID == "" {
		return errors.New("cinder: quotas.Delete needs a project ID")
	}
	return m.rc.Do(ctx, rest.Call{Op: "quotas.Delete", Method: http.MethodDelete,
		Path: rest.Path("os-quota-sets", projectID)}, nil)
}

// GetClass returns a quota class's limits; the class "default" holds the
// defaults every project starts from.
// GET /os-quota-class-sets/{class}. Admin only.
func (m *Manager) GetClass(ctx context.Context, class string) (*QuotaSet, error) {
	if class == "" {
		return nil, errors.New("cinder: quotas.GetClass needs a class name")
	}
	var env struct {
		Set QuotaSet `json:"quota_class_set"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "quotas.GetClass", Path: rest.Path("os-quota-class-sets", class)}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Set, nil
}

// UpdateClass sets some of a quota class's limits and returns all of them.
// Changing the class "default" changes the defaults of every project.
// PUT /os-quota-class-sets/{class}. Admin only.
func (m *Manager) UpdateClass(ctx context.Context, class string, r UpdateRequest) (*QuotaSet, error) {
	return update(ctx, m.rc, "quotas.UpdateClass", "os-quota-class-sets", "quota_class_set", class, r)
}

func get[T int | Usage](ctx context.Context, rc *rest.Client, op, projectID string, q url.Values, sub string) (*Set[T], error) {
	if projectID == "" {
		return nil, fmt.Errorf("cinder: %s needs a project ID", op)
	}
	path := rest.Path("os-quota-sets", projectID)
	if sub != "" {
		path = rest.Path("os-quota-sets", projectID, sub)
	}
	var env struct {
		Set Set[T] `json:"quota_set"`
	}
	if err := rc.Do(ctx, rest.Call{Op: op, Path: path, Query: q}, &env); err != nil {
		return nil, err
	}
	return &env.Set, nil
}

// update PUTs {key: values} to collection/id. The server leaves the ID out
// of its answer; it is filled in from id.
func update(ctx context.Context, rc *rest.Client, op, collection, key, id string, r UpdateRequest) (*QuotaSet, error) {
	if id == "" {
		return nil, fmt.Errorf("cinder: %s needs a project ID or class name", op)
	}
	vals, err := r.values()
	if err != nil {
		return nil, err
	}
	var out map[string]QuotaSet
	err = rc.Do(ctx, rest.Call{Op: op, Method: http.MethodPut, Path: rest.Path(collection, id),
		Body: map[string]map[string]int{key: vals}}, &out)
	if err != nil {
		return nil, err
	}
	s, ok := out[key]
	if !ok {
		return nil, fmt.Errorf("cinder: %s: the answer has no %q", op, key)
	}
	if s.ID == "" {
		s.ID = id
	}
	return &s, nil
}
