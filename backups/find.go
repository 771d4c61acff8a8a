package backups

import (
	"context"

	"github.com/gocinder/cinder/find"
)

// Find returns the backup whose ID or else exact name is nameOrID. An ID-shaped nameOrID (see
// find.IsID) is fetched by ID; otherwise, or when that answers 404, it lists the backups with that
// name (every page). No match is an error matching cinder.ErrNotFound; several are a
// *find.AmbiguousError. With opts.AllTenants (admins only) the name is looked up in every project
// (all_tenants=1).
func (m *Manager) Find(ctx context.Context, nameOrID string, opts *find.Options) (*Backup, error) {
	return find.One(ctx, "backup", nameOrID, m.Get, m.List(ctx, &ListOptions{Name: nameOrID, AllTenants: opts != nil && opts.AllTenants}), func(b Backup) (string, string) { return b.ID, b.Name })
}
