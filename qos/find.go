package qos

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/gocinder/cinder/internal/rest"
)

// AmbiguousError is returned by Find when several QoS specs have the name.
type AmbiguousError struct {
	Name string
	IDs  []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("cinder: %d QoS specs are named %q (%s); use an ID", len(e.IDs), e.Name, strings.Join(e.IDs, ", "))
}

// Find returns the QoS spec whose ID or else exact name is nameOrID. It
// tries GET /qos-specs/{nameOrID} first and, on 404, lists every spec
// (Cinder filters them by nothing). No match is an error matching
// cinder.ErrNotFound; several are an *AmbiguousError.
func (m *Manager) Find(ctx context.Context, nameOrID string) (*Spec, error) {
	if nameOrID == "" {
		return nil, errors.New("cinder: find needs a QoS spec name or ID")
	}
	s, err := m.Get(ctx, nameOrID)
	if err == nil {
		return s, nil
	}
	if !errors.Is(err, rest.ErrNotFound) {
		return nil, err
	}
	var found []Spec
	for s, err := range m.List(ctx, nil) {
		if err != nil {
			return nil, err
		}
		if s.Name == nameOrID {
			found = append(found, s)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("cinder: no QoS spec with name or ID %q: %w", nameOrID, rest.ErrNotFound)
	case 1:
		return &found[0], nil
	}
	ids := make([]string, len(found))
	for i, s := range found {
		ids[i] = s.ID
	}
	return nil, &AmbiguousError{Name: nameOrID, IDs: ids}
}
