package snapshots

import (
	"context"

	"github.com/gocinder/cinder/internal/find"
	"github.com/gocinder/cinder/internal/rest"
)

// AmbiguousError is returned by Find when several snapshots have the name
// (the same type as cinder.AmbiguousError).
type AmbiguousError = rest.AmbiguousError

// Find returns the snapshot whose ID or else exact name is nameOrID. It
// tries GET /snapshots/{nameOrID} first and, on 404, lists the snapshots
// with that name (every page). No match is an error matching
// cinder.ErrNotFound; several are an *AmbiguousError.
func (m *Manager) Find(ctx context.Context, nameOrID string) (*Snapshot, error) {
	return find.One(ctx, "snapshot", nameOrID, m.Get, m.List(ctx, &ListOptions{Name: nameOrID}), func(s Snapshot) (string, string) { return s.ID, s.Name })
}
