package transfers

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/gocinder/cinder/internal/rest"
)

// AmbiguousError is returned by Find when several transfers have the name.
type AmbiguousError struct {
	Name string
	IDs  []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("cinder: %d transfers are named %q (%s); use an ID", len(e.IDs), e.Name, strings.Join(e.IDs, ", "))
}

// Find returns the transfer whose ID or else exact name is nameOrID. It
// tries Get first and, on 404, lists the transfers with that name (every
// page). No match is an error matching cinder.ErrNotFound; several are an
// *AmbiguousError.
func (m *Manager) Find(ctx context.Context, nameOrID string) (*Transfer, error) {
	if nameOrID == "" {
		return nil, errors.New("cinder: find needs a transfer name or ID")
	}
	t, err := m.Get(ctx, nameOrID)
	if err == nil {
		return t, nil
	}
	if !errors.Is(err, rest.ErrNotFound) {
		return nil, err
	}
	var found []Transfer
	for t, err := range m.List(ctx, &ListOptions{Name: nameOrID}) {
		if err != nil {
			return nil, err
		}
		if t.Name == nameOrID {
			found = append(found, t)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("cinder: no transfer with name or ID %q: %w", nameOrID, rest.ErrNotFound)
	case 1:
		return &found[0], nil
	}
	ids := make([]string, len(found))
	for i, t := range found {
		ids[i] = t.ID
	}
	return nil, &AmbiguousError{Name: nameOrID, IDs: ids}
}
