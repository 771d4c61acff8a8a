package snapshots

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/gocinder/cinder/internal/rest"
)

// AmbiguousError is returned by Find when several snapshots have the name.
type AmbiguousError struct {
	Name string
	IDs  []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("cinder: %d snapshots are named %q (%s); use an ID", len(e.IDs), e.Name, strings.Join(e.IDs, ", "))
}

// Find returns the snapshot whose ID or else exact name is nameOrID. It
// tries GET /snapshots/{nameOrID} first and, on 404, lists the snapshots
// with that name (every page). No match is an error matching
// cinder.ErrNotFound; several are an *AmbiguousError.
func (m *Manager) Find(ctx context.Context, nameOrID string) (*Snapshot, error) {
	if nameOrID == "" {
		return nil, errors.New("cinder: find needs a snapshot name or ID")
	}
	s, err := m.Get(ctx, nameOrID)
	if err == nil {
		return s, nil
	}
	if !errors.Is(err, rest.ErrNotFound) {
		return nil, err
	}
	var found []Snapshot
	for s, err := range m.List(ctx, &ListOptions{Name: nameOrID}) {
		if err != nil {
			return nil, err
		}
		if s.Name == nameOrID {
			found = append(found, s)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("cinder: no snapshot with name or ID %q: %w", nameOrID, rest.ErrNotFound)
	case 1:
		return &found[0], nil
	}
	ids := make([]string, len(found))
	for i, s := range found {
		ids[i] = s.ID
	}
	return nil, &AmbiguousError{Name: nameOrID, IDs: ids}
}
