package types

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/gocinder/cinder/internal/rest"
)

// AmbiguousError is returned by Find when several volume types have the name.
type AmbiguousError struct {
	Name string
	IDs  []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("cinder: %d volume types are named %q (%s); use an ID", len(e.IDs), e.Name, strings.Join(e.IDs, ", "))
}

// Find returns the volume type whose ID or else exact name is nameOrID. It
// tries GET /types/{nameOrID} first and, on 404, looks for the name among
// every type the caller may see (see listVisible). No match is an error
// matching cinder.ErrNotFound; several are an *AmbiguousError.
func (m *Manager) Find(ctx context.Context, nameOrID string) (*VolumeType, error) {
	if nameOrID == "" {
		return nil, errors.New("cinder: find needs a volume type name or ID")
	}
	t, err := m.Get(ctx, nameOrID)
	if err == nil {
		return t, nil
	}
	if !errors.Is(err, rest.ErrNotFound) {
		return nil, err
	}
	var found []VolumeType
	for t, err := range m.listVisible(ctx) {
		if err != nil {
			return nil, err
		}
		if t.Name == nameOrID {
			found = append(found, t)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("cinder: no volume type with name or ID %q: %w", nameOrID, rest.ErrNotFound)
	case 1:
		return &found[0], nil
	}
	ids := make([]string, len(found))
	for i, t := range found {
		ids[i] = t.ID
	}
	return nil, &AmbiguousError{Name: nameOrID, IDs: ids}
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
