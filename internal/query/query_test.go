package query_test

import (
	"errors"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

func at(v string) *rest.Client {
	return &rest.Client{Version: mv.MustParse(v)}
}

var keys = []string{"id", "name", "created_at"}

func TestPage(t *testing.T) {
	t.Parallel()
	b := query.New(at("3.0"), "things.List")
	b.Page(10, "m1", " name:desc , id", keys)
	q, err := b.Values()
	require.NoError(t, err)
	assert.Equal(t, url.Values{"limit": {"10"}, "marker": {"m1"}, "sort": {"name:desc,id"}}, q)

	q, err = query.New(at("3.0"), "things.List").Values()
	require.NoError(t, err)
	assert.Empty(t, q, "nothing set, nothing sent")
}

func TestPageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		limit      int
		sort, want string
	}{
		{"negative limit", -1, "", "cinder: limit -1 must not be negative"},
		{"unknown key", 0, "size", `cinder: sort key "size": want one of id, name, created_at`},
		{"bad direction", 0, "id:up", `cinder: sort direction "up": want asc or desc`},
		{"first error kept", -2, "size", "cinder: limit -2 must not be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := query.New(at("3.70"), "things.List")
			b.Page(tt.limit, "", tt.sort, keys)
			b.Set("name", "x")
			q, err := b.Values()
			require.EqualError(t, err, tt.want)
			assert.Nil(t, q)
		})
	}
}

func TestPagingSince(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name   string
		limit  int
		marker string
		sort   string
		option string
	}{
		{"limit", 5, "", "", "Limit"},
		{"marker", 0, "m", "", "Marker"},
		{"sort", 0, "", "id", "Sort"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := query.New(at("3.58"), "things.List").PagingSince(mv.V(3, 59))
			b.Page(tt.limit, tt.marker, tt.sort, keys)
			_, err := b.Values()
			var verr *rest.VersionError
			require.ErrorAs(t, err, &verr)
			assert.Equal(t, "things.List option "+tt.option, verr.Op)
			assert.Equal(t, mv.V(3, 59), verr.Need)

			b = query.New(at("3.59"), "things.List").PagingSince(mv.V(3, 59))
			b.Page(tt.limit, tt.marker, tt.sort, keys)
			q, err := b.Values()
			require.NoError(t, err)
			assert.Len(t, q, 1)
		})
	}
}

func TestSortByKeySince(t *testing.T) {
	t.Parallel()
	since := map[string]mv.Version{"name": mv.V(3, 30)}
	b := query.New(at("3.29"), "things.List")
	b.Sort("id,name:asc", keys, since)
	_, err := b.Values()
	var verr *rest.VersionError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "things.List option Sort by name", verr.Op)

	b = query.New(at("3.29"), "things.List")
	b.Sort("id:desc", keys, since)
	q, err := b.Values()
	require.NoError(t, err)
	assert.Equal(t, "id:desc", q.Get("sort"))

	b = query.New(at("3.30"), "things.List")
	b.Sort("name", keys, since)
	q, err = b.Values()
	require.NoError(t, err)
	assert.Equal(t, "name", q.Get("sort"))
}

func TestSetters(t *testing.T) {
	t.Parallel()
	b := query.New(at("3.70"), "things.List")
	b.Tenants(true, "p1")
	b.Set("name", "n")
	b.Set("status", "")
	b.SetSince("GroupID", "group_id", "g", mv.V(3, 10))
	b.SetSince("Other", "other", "", mv.V(3, 99))
	b.Bool("Bootable", "bootable", new(false), mv.Version{})
	b.Bool("Quota", "consumes_quota", nil, mv.V(3, 99))
	b.Dict("Metadata", "metadata", map[string]string{"k": "v"}, mv.V(3, 22))
	b.Dict("Empty", "glance_metadata", nil, mv.V(3, 99))
	q, err := b.Values()
	require.NoError(t, err)
	assert.Equal(t, "all_tenants=1&bootable=false&group_id=g&metadata=%7B%27k%27%3A+%27v%27%7D&name=n&project_id=p1", q.Encode())

	b = query.New(at("3.70"), "things.List")
	b.Tenants(false, "")
	q, err = b.Values()
	require.NoError(t, err)
	assert.Empty(t, q)
}

func TestSettersNeedVersion(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		option string
		set    func(*query.Builder)
	}{
		{"GroupID", func(b *query.Builder) { b.SetSince("GroupID", "group_id", "g", mv.V(3, 10)) }},
		{"ConsumesQuota", func(b *query.Builder) { b.Bool("ConsumesQuota", "consumes_quota", new(true), mv.V(3, 65)) }},
		{"Metadata", func(b *query.Builder) { b.Dict("Metadata", "metadata", map[string]string{"k": "v"}, mv.V(3, 22)) }},
	} {
		t.Run(tt.option, func(t *testing.T) {
			t.Parallel()
			b := query.New(at("3.0"), "things.List")
			tt.set(b)
			_, err := b.Values()
			var verr *rest.VersionError
			require.ErrorAs(t, err, &verr)
			assert.Equal(t, "things.List option "+tt.option, verr.Op)
		})
	}
}

func TestNeedAndFail(t *testing.T) {
	t.Parallel()
	b := query.New(at("3.50"), "things.List")
	assert.True(t, b.Need("A", mv.V(3, 50)))
	assert.False(t, b.Need("B", mv.V(3, 60)))
	boom := errors.New("boom")
	b.Fail(boom)
	assert.False(t, b.Need("C", mv.Version{}), "an error stays")
	_, err := b.Values()
	var verr *rest.VersionError
	require.ErrorAs(t, err, &verr, "the first error is kept")
	assert.Equal(t, "things.List option B", verr.Op)

	b = query.New(at("3.50"), "things.List")
	b.Fail(boom)
	_, err = b.Values()
	require.ErrorIs(t, err, boom)
}

func TestFilters(t *testing.T) {
	t.Parallel()
	f := map[string]string{"name~": "vol", "size": "1", "empty": ""}
	tests := []struct {
		v      string
		option string // "" for no error
	}{
		{"3.32", "Filters"},
		{"3.33", "Filters (inexact name~)"},
		{"3.34", ""},
	}
	for _, tt := range tests {
		t.Run(tt.v, func(t *testing.T) {
			t.Parallel()
			b := query.New(at(tt.v), "things.List")
			b.Filters(f)
			q, err := b.Values()
			if tt.option == "" {
				require.NoError(t, err)
				assert.Equal(t, "empty=&name~=vol&size=1", q.Encode(), "empty values are sent")
				return
			}
			var verr *rest.VersionError
			require.ErrorAs(t, err, &verr)
			assert.Equal(t, "things.List option "+tt.option, verr.Op)
		})
	}
	b := query.New(at("3.33"), "things.List")
	b.Filters(map[string]string{"size": "1"})
	q, err := b.Values()
	require.NoError(t, err)
	assert.Equal(t, "size=1", q.Encode(), "exact filters need only 3.33")
}

func TestFiltersSince(t *testing.T) {
	t.Parallel()
	b := query.New(at("3.51"), "types.List")
	b.FiltersSince(map[string]string{"k": "v"}, mv.V(3, 52))
	_, err := b.Values()
	var verr *rest.VersionError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "types.List option Filters", verr.Op)

	b = query.New(at("3.52"), "types.List")
	b.FiltersSince(map[string]string{"k~": "v"}, mv.V(3, 52))
	q, err := b.Values()
	require.NoError(t, err)
	assert.Equal(t, "v", q.Get("k~"), "no inexact gate")
}

func TestParseSort(t *testing.T) {
	t.Parallel()
	s, err := query.ParseSort("name, created_at:desc", keys)
	require.NoError(t, err)
	assert.Equal(t, "name,created_at:desc", s)
	_, err = query.ParseSort("", keys)
	require.Error(t, err)
}

func TestPyDict(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "{}", query.PyDict(nil))
	assert.Equal(t, `{'a': '1', 'b': 'it\'s', 'c\\d': 'x'}`, query.PyDict(map[string]string{"b": "it's", "a": "1", `c\d`: "x"}))
}
