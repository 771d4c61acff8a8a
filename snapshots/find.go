package snapshots

import (
	"context"

	"github.com/gocinder/cinder/find"
)

// Find returns the snapshot whose ID or else exact name is nameOrID. An ID-shaped nameOrID (see
// find.IsID) is fetched by ID; otherwise, or when that answers 404, it lists the snapshots with
// that name (every page). No match is an error matching cinder.ErrNotFound; several are a
// *find.AmbiguousError. With opts.AllTenants (admins only) the name is looked up in every project
// (all_tenants=1).
func (m *Manager) Find(ctx context.Context, nameOrID string, opts *find.Options) (*Snapshot, error) {
	return find.One(ctx, "snapshot", nameOrID, m.Get, m.List(ctx, &ListOptions{Name: nameOrID, AllTenants: opts != nil && opts.AllTenants}), func(s Snapshot) (string, string) { return s.ID, s.Name })
}
