// Package find resolves a name or ID to one resource, for the resource
// packages' Find methods.
package find

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/gocinder/cinder/internal/rest"
)

// One returns the resource whose ID or else exact name is nameOrID. It tries
// get first and, when that answers 404, ranges over candidates (a lazy list,
// usually filtered by the name) keeping those named nameOrID. No match is an
// error matching rest.ErrNotFound; several are a *rest.AmbiguousError. kind
// names the resource in messages ("volume"); ident gives an item's ID and
// name.
func One[T any](ctx context.Context, kind, nameOrID string, get func(context.Context, string) (*T, error),
	candidates iter.Seq2[T, error], ident func(T) (id, name string)) (*T, error) {
	if nameOrID == "" {
		return nil, fmt.Errorf("cinder: find needs a %s name or ID", kind)
	}
	v, err := get(ctx, nameOrID)
	if err == nil {
		return v, nil
	}
	if !errors.Is(err, rest.ErrNotFound) {
		return nil, err
	}
	var found []T
	var ids []string
	for v, err := range candidates {
		if err != nil {
			return nil, err
		}
		if id, name := ident(v); name == nameOrID {
			found = append(found, v)
			ids = append(ids, id)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("cinder: no %s with name or ID %q: %w", kind, nameOrID, rest.ErrNotFound)
	case 1:
		return &found[0], nil
	}
	return nil, &rest.AmbiguousError{Kind: kind, Name: nameOrID, IDs: ids}
}
