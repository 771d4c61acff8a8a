// Package find resolves a name or ID to one resource, the way
// python-cinderclient's find_resource does, for every resource package's
// Find method: an ID-shaped string (an integer or a UUID) is fetched by ID;
// anything else is looked up by name with one filtered list, never a GET
// that is sure to 404 first. It owns the one ambiguity error of the SDK,
// *AmbiguousError (also cinder.AmbiguousError).
package find

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strconv"
	"strings"

	"github.com/gocinder/cinder/internal/rest"
)

// Options tune a Find. A nil *Options is the zero value.
type Options struct {
	// AllTenants looks the name up in every project (all_tenants=1), as
	// python-cinderclient does; only an admin may ask for it, and resources
	// that are not owned by a project (types, QoS specs) ignore it.
	AllTenants bool
}

// AmbiguousError is returned by a Find when several resources of one kind
// have the name asked for.
type AmbiguousError struct {
	Kind string   // the resource, singular: "volume", "QoS spec"
	Name string   // the name asked for
	IDs  []string // the IDs of every resource with that name, in list order
}

// Error lists the IDs that share the name.
func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("cinder: %d %ss are named %q (%s); use an ID", len(e.IDs), e.Kind, e.Name, strings.Join(e.IDs, ", "))
}

// IsID reports whether s is shaped like an ID: a non-negative integer, or a
// UUID in any spelling Python's uuid.UUID accepts (hyphens optional, braces,
// a "urn:uuid:" prefix).
func IsID(s string) bool {
	if s == "" {
		return false
	}
	if _, err := strconv.ParseUint(s, 10, 64); err == nil {
		return true
	}
	h := strings.ReplaceAll(strings.ReplaceAll(s, "urn:", ""), "uuid:", "")
	h = strings.ReplaceAll(strings.Trim(h, "{}"), "-", "")
	if len(h) != 32 {
		return false
	}
	for _, r := range h {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// One returns the resource whose ID or else exact name is nameOrID. When
// nameOrID is ID-shaped (IsID) it is fetched with get; a 404 there falls
// through to the name lookup, as in python-cinderclient (a resource may be
// named like an ID). The name lookup ranges over byName (a lazy list,
// usually filtered by the name server-side) keeping those named nameOrID.
// No match is an error matching cinder.ErrNotFound; several are an
// *AmbiguousError. kind names the resource in messages ("volume"); ident
// gives an item's ID and name.
func One[T any](ctx context.Context, kind, nameOrID string, get func(context.Context, string) (*T, error),
	byName iter.Seq2[T, error], ident func(T) (id, name string)) (*T, error) {
	if nameOrID == "" {
		return nil, fmt.Errorf("cinder: find needs a %s name or ID", kind)
	}
	if IsID(nameOrID) {
		v, err := get(ctx, nameOrID)
		if err == nil {
			return v, nil
		}
		if !errors.Is(err, rest.ErrNotFound) {
			return nil, err
		}
	}
	var found []T
	var ids []string
	for v, err := range byName {
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
	return nil, &AmbiguousError{Kind: kind, Name: nameOrID, IDs: ids}
}
