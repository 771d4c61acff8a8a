package volumes

import (
	"context"

	"github.com/gocinder/cinder/find"
)

// Find returns the volume whose ID or else exact name is nameOrID. An ID-shaped nameOrID (an
// integer or a UUID, see find.IsID) is fetched by ID; a name, or an ID that answers 404 (as in
// python-cinderclient), is looked up by name: it lists the volumes with that name (every page). No
// match is an error matching cinder.ErrNotFound; several are a *find.AmbiguousError. With
// opts.AllTenants (admins only) the name is looked up in every project (all_tenants=1).
func (m *Manager) Find(ctx context.Context, nameOrID string, opts *find.Options) (*Volume, error) {
	return find.One(ctx, "volume", nameOrID, m.Get, m.List(ctx, &ListOptions{Name: nameOrID, AllTenants: opts != nil && opts.AllTenants}), func(v Volume) (string, string) { return v.ID, v.Name })
}
