package qos

import (
	"context"

	"github.com/gocinder/cinder/find"
)

// Find returns the QoS spec whose ID or else exact name is nameOrID. An ID-shaped nameOrID (see
// find.IsID) is fetched by ID; otherwise, or when that answers 404, it lists every spec (Cinder
// filters them by nothing). No match is an error matching cinder.ErrNotFound; several are a
// *find.AmbiguousError.
func (m *Manager) Find(ctx context.Context, nameOrID string, opts *find.Options) (*Spec, error) {
	return find.One(ctx, "QoS spec", nameOrID, m.Get, m.List(ctx, nil), func(s Spec) (string, string) { return s.ID, s.Name })
}
