package volumes

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/gocinder/cinder/internal/rest"
)

// AmbiguousError is returned by Find when several volumes have the name.
type AmbiguousError struct {
	Name string
	IDs  []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("cinder: %d volumes are named %q (%s); use an ID", len(e.IDs), e.Name, strings.Join(e.IDs, ", "))
}

// Find returns the volume whose ID or else exact name is nameOrID. It tries
// GET /volumes/{nameOrID} first and, on 404, lists the volumes with that
// name (every page). No match is an error matching cinder.ErrNotFound;
// several are an *AmbiguousError.
func (m *Manager) Find(ctx context.Context, nameOrID string) (*Volume, error) {
	if nameOrID == "" {
		return nil, errors.New("cinder: find needs a volume name or ID")
	}
	v, err := m.Get(ctx, nameOrID)
	if err == nil {
		return v, nil
	}
	if !errors.Is(err, rest.ErrNotFound) {
		return nil, err
	}
	var found []Volume
	for v, err := range m.List(ctx, &ListOptions{Name: nameOrID}) {
		if err != nil {
			return nil, err
		}
		if v.Name == nameOrID {
			found = append(found, v)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("cinder: no volume with name or ID %q: %w", nameOrID, rest.ErrNotFound)
	case 1:
		return &found[0], nil
	}
	ids := make([]string, len(found))
	for i, v := range found {
		ids[i] = v.ID
	}
	return nil, &AmbiguousError{Name: nameOrID, IDs: ids}
}
