// Package pub is the fixture module's public package.
package pub

import (
	"context"
	"iter"

	"example.com/m/internal/secret"
)

// Status is a string type.
type Status string

// Statuses.
const (
	StatusOK  Status = "ok"
	StatusBad Status = "bad" // line comment
)

// Answer is untyped.
const Answer = 42

// ErrX is a var.
var ErrX error

// Alias shows an internal type under a public name.
type Alias = secret.Version

// Manager is documented; its fields are not all.
type Manager struct {
	// Name is documented above.
	Name string
	Size int // documented at the end of the line
	Raw  []struct {
		Href string
		rel  string
	}
	Hidden secret.Version
	*secret.Client
	unexported int
}

// New mentions an internal type in its signature.
func New(c *secret.Client) *Manager { return &Manager{Client: c, unexported: 1} }

// Get returns a value receiver's thing.
func (m Manager) Get(ctx context.Context, id string, opts ...string) (*Status, error) {
	return nil, nil
}

// List is generic over nothing but returns an iterator.
func (m *Manager) List(ctx context.Context) iter.Seq2[Status, error] { return nil }

func (m *Manager) Undocumented() {}

// Collect is generic.
func Collect[T any](seq iter.Seq2[T, error]) ([]T, error) { return nil, nil }

// Getter is an interface.
type Getter interface {
	// Get gets.
	Get(context.Context, string) (*Status, error)
	Put(secret.Version)
}

type Bare int
