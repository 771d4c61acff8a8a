package types

import (
	"context"
	"errors"
	"iter"

	"github.com/gocinder/cinder/find"
	"github.com/gocinder/cinder/internal/rest"
)

// Find returns the volume type whose ID or else exact name is nameOrID. An ID-shaped nameOrID (see
// find.IsID) is fetched by ID; otherwise, or when that answers 404, it looks for the name among
// every type the caller may see (see listVisible). No match is an error matching
// cinder.ErrNotFound; several are a *find.AmbiguousError.
func (m *Manager) Find(ctx context.Context, nameOrID string, opts *find.Options) (*VolumeType, error) {
	return find.One(ctx, "volume type", nameOrID, m.Get, m.listVisible(ctx), func(t VolumeType) (string, string) { return t.ID, t.Name })
}

// listVisible yields every type the caller may see: is_public=None, which
// gives an admin the private types too; when Cinder refuses that filter
// (400: a non-admin at 3.52 or later) it lists with the defaults, which
// already include the private types a non-admin's project may use.
func (m *Manager) listVisible(ctx context.Context) iter.Seq2[VolumeType, error] {
	return func(yield func(VolumeType, error) bool) {
		first, refused := true, false
		for t, err := range m.List(ctx, &ListOptions{Visibility: VisibilityAll}) {
			if err != nil && first && errors.Is(err, rest.ErrBadRequest) {
				refused = true
				break
			}
			first = false
			if !yield(t, err) || err != nil {
				return
			}
		}
		if !refused {
			return
		}
		for t, err := range m.List(ctx, nil) {
			if !yield(t, err) || err != nil {
				return
			}
		}
	}
}
