package transfers

import (
	"context"

	"github.com/gocinder/cinder/internal/find"
	"github.com/gocinder/cinder/internal/rest"
)

// AmbiguousError is returned by Find when several transfers have the name
// (the same type as cinder.AmbiguousError).
type AmbiguousError = rest.AmbiguousError

// Find returns the transfer whose ID or else exact name is nameOrID. It
// tries Get first and, on 404, lists the transfers with that name (every
// page). No match is an error matching cinder.ErrNotFound; several are an
// *AmbiguousError.
func (m *Manager) Find(ctx context.Context, nameOrID string) (*Transfer, error) {
	return find.One(ctx, "transfer", nameOrID, m.Get, m.List(ctx, &ListOptions{Name: nameOrID}), func(t Transfer) (string, string) { return t.ID, t.Name })
}
