package qos

import (
	"context"

	"github.com/gocinder/cinder/internal/find"
	"github.com/gocinder/cinder/internal/rest"
)

// AmbiguousError is returned by Find when several QoS specs have the name
// (the same type as cinder.AmbiguousError).
type AmbiguousError = rest.AmbiguousError

// Find returns the QoS spec whose ID or else exact name is nameOrID. It
// tries GET /qos-specs/{nameOrID} first and, on 404, lists every spec
// (Cinder filters them by nothing). No match is an error matching
// cinder.ErrNotFound; several are an *AmbiguousError.
func (m *Manager) Find(ctx context.Context, nameOrID string) (*Spec, error) {
	return find.One(ctx, "QoS spec", nameOrID, m.Get, m.List(ctx, nil), func(s Spec) (string, string) { return s.ID, s.Name })
}
