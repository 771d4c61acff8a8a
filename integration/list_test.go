//go:build integration

package integration_test

import (
	"fmt"
	"github.com/gocinder/cinder/internal/testutil"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/volumes"
)

// waitPoll is how often the suite's own polls look again.
const waitPoll = time.Second

// testList creates five volumes with a unique name prefix and checks
// pagination, with_count, filters and sort on them.
func testList(t *testing.T, b *backend) {
	c, ctx := b.admin, b.ctx
	sizes := []int{1, 2, 1, 2, 1}
	names := make([]string, len(sizes))
	ids := make([]string, len(sizes))
	for i, size := range sizes {
		names[i] = b.name(fmt.Sprintf("vol-%d", i))
		parity := map[bool]string{true: "even", false: "odd"}[i%2 == 0]
		v := b.create(t, c, volumes.CreateRequest{Size: size, Name: names[i],
			Metadata: map[string]string{"it-scenario": b.prefix(), "parity": parity}})
		ids[i] = v.ID
	}
	ours := map[string]string{"name~": b.prefix()} // like-filter, 3.34

	t.Run("pagination", func(t *testing.T) {
		opts := &volumes.ListOptions{Limit: 2, Sort: "name:asc", Filters: ours}
		var pages [][]string
		for range 5 {
			page, next, err := c.Volumes.ListPage(ctx, opts)
			require.NoError(t, err)
			if len(pages) == 0 {
				b.save(t, "volumes/list_page")
			}
			pages = append(pages, namesOf(page))
			if next == "" {
				break
			}
			assert.Equal(t, page[len(page)-1].ID, next, "the marker is the last volume of the page")
			opts = &volumes.ListOptions{Limit: 2, Sort: "name:asc", Filters: ours, Marker: next}
		}
		assert.Equal(t, [][]string{names[0:2], names[2:4], names[4:5]}, pages)

		all, err := cinder.Collect(c.Volumes.List(ctx, &volumes.ListOptions{Limit: 2, Sort: "name:asc", Filters: ours}))
		require.NoError(t, err)
		assert.Equal(t, names, namesOf(all), "List follows the next links across 3 pages")

		refs, err := cinder.Collect(c.Volumes.ListRefs(ctx, &volumes.ListOptions{Limit: 2, Sort: "name:asc", Filters: ours}))
		require.NoError(t, err)
		require.Len(t, refs, 5)
		for i, r := range refs {
			assert.Equal(t, ids[i], r.ID)
			assert.Equal(t, names[i], r.Name)
		}
	})

	t.Run("with_count", func(t *testing.T) {
		n, err := c.Volumes.Count(ctx, &volumes.ListOptions{Filters: ours})
		require.NoError(t, err)
		assert.Equal(t, 5, n)
		n, err = c.Volumes.Count(ctx, &volumes.ListOptions{Metadata: map[string]string{"it-scenario": b.prefix(), "parity": "odd"}})
		require.NoError(t, err)
		assert.Equal(t, 2, n)
		_, err = testutil.At(t, c, "3.44").Volumes.Count(ctx, nil)
		var verr *cinder.VersionError
		assert.ErrorAs(t, err, &verr)
	})

	t.Run("filters", func(t *testing.T) {
		cases := []struct {
			name string
			opts volumes.ListOptions
			want []string
		}{
			{"name", volumes.ListOptions{Name: names[3]}, names[3:4]},
			{"status", volumes.ListOptions{Status: volumes.StatusAvailable, Filters: ours}, names},
			{"status error", volumes.ListOptions{Status: volumes.StatusError, Filters: ours}, nil},
			{"metadata", volumes.ListOptions{Metadata: map[string]string{"it-scenario": b.prefix(), "parity": "even"}},
				[]string{names[0], names[2], names[4]}},
			{"like", volumes.ListOptions{Filters: map[string]string{"name~": b.prefix() + "vol-1"}}, names[1:2]},
			{"generic name", volumes.ListOptions{Filters: map[string]string{"name": names[2]}}, names[2:3]},
			{"size", volumes.ListOptions{Filters: map[string]string{"name~": b.prefix(), "size": "2"}}, []string{names[1], names[3]}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				o := tc.opts
				o.Sort = "name:asc"
				got, err := cinder.Collect(c.Volumes.List(ctx, &o))
				require.NoError(t, err)
				assert.Equal(t, tc.want, namesOf(got))
			})
		}
	})

	t.Run("filters as non-admin", func(t *testing.T) {
		// Non-admins may use the filters of Cinder's resource_filters.json
		// (name, status, metadata, size, … for volumes). The default file
		// lists no inexact "key~" filter, so "name~" is admin-only there.
		for _, o := range []volumes.ListOptions{
			{Name: b.name("none")},
			{Status: volumes.StatusAvailable, Filters: map[string]string{"size": "1"}},
		} {
			got, err := cinder.Collect(b.demo.Volumes.List(ctx, &o))
			require.NoError(t, err)
			assert.Empty(t, got)
		}
		_, err := cinder.Collect(b.demo.Volumes.List(ctx, &volumes.ListOptions{Filters: map[string]string{"name~": b.name("none")}}))
		require.ErrorIs(t, err, cinder.ErrBadRequest)
		assert.Contains(t, err.Error(), "Invalid filters name~ are found in query options.")
	})

	t.Run("sort", func(t *testing.T) {
		cases := []struct {
			sort string
			want []int
		}{
			{"name:asc", []int{0, 1, 2, 3, 4}},
			{"name:desc", []int{4, 3, 2, 1, 0}},
			{"size:asc,name:asc", []int{0, 2, 4, 1, 3}},
			{"size:desc,name:desc", []int{3, 1, 4, 2, 0}},
		}
		for _, tc := range cases {
			t.Run(tc.sort, func(t *testing.T) {
				got, err := cinder.Collect(c.Volumes.List(ctx, &volumes.ListOptions{Sort: tc.sort, Filters: ours}))
				require.NoError(t, err)
				want := make([]string, len(tc.want))
				for i, n := range tc.want {
					want[i] = names[n]
				}
				assert.Equal(t, want, namesOf(got))
			})
		}
	})
}

func namesOf(vs []volumes.Volume) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Name)
	}
	return out
}
