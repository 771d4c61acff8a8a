package volumes

import (
	"context"

	"github.com/gocinder/cinder/internal/find"
	"github.com/gocinder/cinder/internal/rest"
)

// AmbiguousError is returned by Find when several volumes have the name
// (the same type as cinder.AmbiguousError).
type AmbiguousError = rest.AmbiguousError

// Find returns the volume whose ID or else exact name is nameOrID. It tries
// GET /volumes/{nameOrID} first and, on 404, lists the volumes with that
// name (every page). No match is an error matching cinder.ErrNotFound;
// several are an *AmbiguousError.
func (m *Manager) Find(ctx context.Context, nameOrID string) (*Volume, error) {
	return find.One(ctx, "volume", nameOrID, m.Get, m.List(ctx, &ListOptions{Name: nameOrID}), func(v Volume) (string, string) { return v.ID, v.Name })
}
