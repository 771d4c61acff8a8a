package find_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/find"
	"github.com/gocinder/cinder/internal/rest"
)

type item struct{ ID, Name string }

func ident(i item) (string, string) { return i.ID, i.Name }

var notFound = &rest.APIError{StatusCode: 404, Code: "itemNotFound"}

// byID is a get that knows the given items by ID and answers 404 otherwise.
func byID(items ...item) func(context.Context, string) (*item, error) {
	return func(_ context.Context, id string) (*item, error) {
		for _, i := range items {
			if i.ID == id {
				return &i, nil
			}
		}
		return nil, notFound
	}
}

// list yields the items, then err when it is set; listed counts the ranges.
func list(listed *int, err error, items ...item) iter.Seq2[item, error] {
	return func(yield func(item, error) bool) {
		*listed++
		for _, i := range items {
			if !yield(i, nil) {
				return
			}
		}
		if err != nil {
			yield(item{}, err)
		}
	}
}

const (
	id1 = "0b0b0b0b-0b0b-4b0b-8b0b-000000000001"
	id2 = "0b0b0b0b-0b0b-4b0b-8b0b-000000000002"
	id3 = "0b0b0b0b-0b0b-4b0b-8b0b-000000000003"
)

// fail is a get that must not be called.
func fail(t *testing.T) func(context.Context, string) (*item, error) {
	return func(context.Context, string) (*item, error) {
		t.Error("get called for a name")
		return nil, notFound
	}
}

func TestIsID(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"7", "0", "1234567890", id1, strings.ReplaceAll(id1, "-", ""), "{" + id1 + "}",
		"urn:uuid:" + id1, strings.ToUpper(id1)} {
		assert.True(t, find.IsID(s), s)
	}
	for _, s := range []string{"", "-1", "+1", "vol1", "id1", id1 + "0", id1[:35], "0b0b0b0b-0b0b-4b0b-8b0b-00000000000g", " 7"} {
		assert.False(t, find.IsID(s), s)
	}
}

func TestOneByID(t *testing.T) {
	t.Parallel()
	listed := 0
	got, err := find.One(t.Context(), "volume", id1, byID(item{id1, "a"}), list(&listed, nil), ident)
	require.NoError(t, err)
	assert.Equal(t, &item{id1, "a"}, got)
	assert.Zero(t, listed, "a hit by ID lists nothing")

	got, err = find.One(t.Context(), "volume", "42", byID(item{"42", "a"}), list(&listed, nil), ident)
	require.NoError(t, err)
	assert.Equal(t, &item{"42", "a"}, got, "integers are IDs too")
	assert.Zero(t, listed)
}

func TestOneIDShapedNameAfter404(t *testing.T) {
	t.Parallel()
	listed := 0
	got, err := find.One(t.Context(), "volume", id3, byID(), list(&listed, nil, item{id1, id3}), ident)
	require.NoError(t, err, "an ID-shaped name is found by name after the GET's 404, as in cinderclient")
	assert.Equal(t, &item{id1, id3}, got)
	assert.Equal(t, 1, listed)
}

func TestOneByName(t *testing.T) {
	t.Parallel()
	listed := 0
	got, err := find.One(t.Context(), "volume", "a", fail(t), list(&listed, nil, item{id1, "ab"}, item{id2, "a"}), ident)
	require.NoError(t, err)
	assert.Equal(t, &item{id2, "a"}, got, "only exact names count")
	assert.Equal(t, 1, listed)
}

func TestOneNoMatch(t *testing.T) {
	t.Parallel()
	listed := 0
	_, err := find.One(t.Context(), "QoS spec", "gold", fail(t), list(&listed, nil, item{id1, "golden"}), ident)
	require.ErrorIs(t, err, rest.ErrNotFound)
	var apiErr *rest.APIError
	assert.False(t, errors.As(err, &apiErr), "no match is not the server's 404")
	assert.EqualError(t, err, `cinder: no QoS spec with name or ID "gold": cinder: not found`)
}

func TestOneAmbiguous(t *testing.T) {
	t.Parallel()
	listed := 0
	_, err := find.One(t.Context(), "volume type", "a", fail(t), list(&listed, nil, item{id1, "a"}, item{id2, "b"}, item{id3, "a"}), ident)
	var amb *find.AmbiguousError
	require.ErrorAs(t, fmt.Errorf("wrapped: %w", err), &amb)
	assert.Equal(t, &find.AmbiguousError{Kind: "volume type", Name: "a", IDs: []string{id1, id3}}, amb)
	assert.EqualError(t, err, `cinder: 2 volume types are named "a" (`+id1+", "+id3+`); use an ID`)
}

func TestOneErrors(t *testing.T) {
	t.Parallel()
	listed := 0
	_, err := find.One(t.Context(), "volume", "", fail(t), list(&listed, nil), ident)
	require.EqualError(t, err, "cinder: find needs a volume name or ID")

	forbidden := &rest.APIError{StatusCode: 403}
	_, err = find.One(t.Context(), "volume", id1, func(context.Context, string) (*item, error) { return nil, forbidden },
		list(&listed, nil), ident)
	require.ErrorIs(t, err, rest.ErrForbidden, "errors other than 404 end the search")
	assert.Zero(t, listed)

	boom := errors.New("boom")
	_, err = find.One(t.Context(), "volume", "a", fail(t), list(&listed, boom, item{id1, "a"}), ident)
	require.ErrorIs(t, err, boom, "a list error ends the search")
	assert.Equal(t, 1, listed)
}
