package backups

import (
	"context"

	"github.com/gocinder/cinder/internal/find"
	"github.com/gocinder/cinder/internal/rest"
)

// AmbiguousError is returned by Find when several backups have the name
// (the same type as cinder.AmbiguousError).
type AmbiguousError = rest.AmbiguousError

// Find returns the backup whose ID or else exact name is nameOrID. It
// tries GET /backups/{nameOrID} first and, on 404, lists the backups
// with that name (every page). No match is an error matching
// cinder.ErrNotFound; several are an *AmbiguousError.
func (m *Manager) Find(ctx context.Context, nameOrID string) (*Backup, error) {
	return find.One(ctx, "backup", nameOrID, m.Get, m.List(ctx, &ListOptions{Name: nameOrID}), func(b Backup) (string, string) { return b.ID, b.Name })
}
