package volumes_test

import (
	"github.com/gocinder/cinder/internal/testutil"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/volumes"
)

// emuListFixture is five admin volumes and one demo volume on an emulator
// that pages by two.
type emuListFixture struct {
	srv  *cindertest.Server
	c    *cinder.Client
	vols []*volumes.Volume // admin's, oldest first
	demo *volumes.Volume
	from time.Time // just before the first create
}

func newEmuList(t *testing.T) *emuListFixture {
	t.Helper()
	srv, c := newEmu(t, cindertest.Options{MaxLimit: 2})
	f := &emuListFixture{srv: srv, c: c, from: time.Now().UTC().Add(-time.Second)}
	specs := []volumes.CreateRequest{
		{Name: "emu-alpha", Size: 3, Metadata: map[string]string{"tier": "gold"}},
		{Name: "emu-beta", Size: 1, Metadata: map[string]string{"tier": "silver"}},
		{Name: "emu-gamma", Size: 2, Metadata: map[string]string{"tier": "gold", "zone": "b"}},
		{Name: "emu-twin", Size: 1},
		{Name: "emu-twin", Size: 2},
	}
	for _, r := range specs {
		f.vols = append(f.vols, emuVolume(t, c, r))
	}
	require.NoError(t, c.Volumes.SetBootable(t.Context(), f.vols[0].ID, true))
	_, err := c.Volumes.SetImageMetadata(t.Context(), f.vols[2].ID, map[string]string{"os_distro": "emu"})
	require.NoError(t, err)
	f.demo = emuVolume(t, emuClient(t, srv, "demo", ""), volumes.CreateRequest{Name: "emu-demo", Size: 4})
	return f
}

// ids returns the IDs of the fixture volumes at the given indexes.
func (f *emuListFixture) ids(idx ...int) []string {
	out := make([]string, len(idx))
	for i, n := range idx {
		out[i] = f.vols[n].ID
	}
	return out
}

func emuIDs(t *testing.T, vs []volumes.Volume, err error) []string {
	t.Helper()
	require.NoError(t, err)
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.ID
	}
	return out
}

func TestEmulatorListPages(t *testing.T) {
	t.Parallel()
	f := newEmuList(t)
	ctx := t.Context()

	before := len(emuCalls(f.srv, "GET", "/volumes/detail"))
	all, err := cinder.Collect(f.c.Volumes.List(ctx, nil))
	assert.Equal(t, f.ids(4, 3, 2, 1, 0), emuIDs(t, all, err), "newest first")
	assert.Len(t, emuCalls(f.srv, "GET", "/volumes/detail"), before+3, "three pages of two")
	assert.Equal(t, *emuGet(t, f.c, f.vols[1].ID), all[3], "List shows what Get shows")

	refs, err := cinder.Collect(f.c.Volumes.ListRefs(ctx, &volumes.ListOptions{Sort: "created_at:asc"}))
	require.NoError(t, err)
	require.Len(t, refs, 5)
	for i, r := range refs {
		assert.Equal(t, f.vols[i].ID, r.ID)
		assert.Equal(t, f.vols[i].Name, r.Name)
		assert.Len(t, r.Links, 2)
	}

	var seen []string
	opts := &volumes.ListOptions{Limit: 2, Sort: "created_at:asc"}
	for range 3 {
		page, next, err := f.c.Volumes.ListPage(ctx, opts)
		seen = append(seen, emuIDs(t, page, err)...)
		if len(seen) < 5 {
			assert.Equal(t, page[len(page)-1].ID, next)
		} else {
			assert.Empty(t, next, "last page")
		}
		opts.Marker = next
	}
	assert.Equal(t, f.ids(0, 1, 2, 3, 4), seen)

	page, next, err := f.c.Volumes.ListPage(ctx, &volumes.ListOptions{Limit: 50})
	assert.Len(t, emuIDs(t, page, err), 2, "the server caps the page size")
	assert.Equal(t, f.vols[3].ID, next)

	_, _, err = f.c.Volumes.ListPage(ctx, &volumes.ListOptions{Marker: "9b7d9f0e-0000-4000-8000-00000000dead"})
	emuAPIError(t, err, cinder.ErrNotFound, 404, "could not be found")

	n, err := f.c.Volumes.Count(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, 5, n)
	n, err = f.c.Volumes.Count(ctx, &volumes.ListOptions{Name: "emu-twin", Marker: f.vols[4].ID})
	require.NoError(t, err)
	assert.Equal(t, 2, n, "Count ignores the marker")
	last := emuCalls(f.srv, "GET", "/volumes")
	assert.Contains(t, last[len(last)-1].Query, "with_count=true")
	before = len(f.srv.Requests())
	_, err = testutil.At(t, f.c, "3.44").Volumes.Count(ctx, nil)
	emuVersionError(t, f.srv, before, err, "3.45")
}

func TestEmulatorListFilters(t *testing.T) {
	t.Parallel()
	f := newEmuList(t)
	ctx := t.Context()
	asc := func(o volumes.ListOptions) *volumes.ListOptions { o.Sort = "created_at:asc"; return &o }
	cases := []struct {
		name string
		opts *volumes.ListOptions
		want []string
	}{
		{"name", asc(volumes.ListOptions{Name: "emu-twin"}), f.ids(3, 4)},
		{"status", asc(volumes.ListOptions{Status: volumes.StatusAvailable}), f.ids(0, 1, 2, 3, 4)},
		{"status none", asc(volumes.ListOptions{Status: volumes.StatusError}), f.ids()},
		{"bootable", asc(volumes.ListOptions{Bootable: new(true)}), f.ids(0)},
		{"not bootable", asc(volumes.ListOptions{Bootable: new(false)}), f.ids(1, 2, 3, 4)},
		{"metadata", asc(volumes.ListOptions{Metadata: map[string]string{"tier": "gold"}}), f.ids(0, 2)},
		{"metadata all pairs", asc(volumes.ListOptions{Metadata: map[string]string{"tier": "gold", "zone": "b"}}), f.ids(2)},
		{"image metadata", asc(volumes.ListOptions{ImageMetadata: map[string]string{"os_distro": "emu"}}), f.ids(2)},
		{"group", asc(volumes.ListOptions{GroupID: "9b7d9f0e-0000-4000-8000-00000000beef"}), f.ids()},
		{"consumes quota", asc(volumes.ListOptions{ConsumesQuota: new(true)}), f.ids(0, 1, 2, 3, 4)},
		{"no quota", asc(volumes.ListOptions{ConsumesQuota: new(false)}), f.ids()},
		{"generic size", asc(volumes.ListOptions{Filters: map[string]string{"size": "2"}}), f.ids(2, 4)},
		{"inexact name", asc(volumes.ListOptions{Filters: map[string]string{"name~": "TWI"}}), f.ids(3, 4)},
		{"created after", asc(volumes.ListOptions{CreatedAt: "gt:" + f.from.Format("2006-01-02T15:04:05")}), f.ids(0, 1, 2, 3, 4)},
		{"created before", asc(volumes.ListOptions{CreatedAt: "lt:" + f.from.Format("2006-01-02T15:04:05")}), f.ids()},
		{"updated after", asc(volumes.ListOptions{UpdatedAt: "gte:" + f.from.Format("2006-01-02T15:04:05")}), f.ids(0, 1, 2, 3, 4)},
		{"all tenants", asc(volumes.ListOptions{AllTenants: true, Name: "emu-demo"}), []string{f.demo.ID}},
		{"all tenants of a project", asc(volumes.ListOptions{AllTenants: true, ProjectID: f.srv.ProjectID("demo")}), []string{f.demo.ID}},
		{"project without all tenants", asc(volumes.ListOptions{ProjectID: f.srv.ProjectID("demo")}), f.ids(0, 1, 2, 3, 4)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cinder.Collect(f.c.Volumes.List(ctx, tc.opts))
			assert.Equal(t, tc.want, emuIDs(t, got, err))
			refs, err := cinder.Collect(f.c.Volumes.ListRefs(ctx, tc.opts))
			require.NoError(t, err)
			assert.Len(t, refs, len(tc.want), "ListRefs filters alike")
			n, err := f.c.Volumes.Count(ctx, tc.opts)
			require.NoError(t, err)
			assert.Equal(t, len(tc.want), n, "Count filters alike")
		})
	}

	t.Run("migration status", func(t *testing.T) {
		require.NoError(t, f.c.Volumes.Migrate(ctx, f.vols[1].ID, volumes.MigrateRequest{Host: "emulator@lvm2#pool"}))
		emuSettle(t, f.c, f.vols[1].ID, volumes.StatusAvailable)
		got, err := cinder.Collect(f.c.Volumes.List(ctx, &volumes.ListOptions{MigrationStatus: "success"}))
		assert.Equal(t, f.ids(1), emuIDs(t, got, err))
	})
	t.Run("version gates", func(t *testing.T) {
		old := testutil.At(t, f.c, "3.3")
		for _, o := range []volumes.ListOptions{
			{ImageMetadata: map[string]string{"a": "b"}}, {GroupID: "g"}, {ConsumesQuota: new(true)},
			{Filters: map[string]string{"size": "1"}}, {CreatedAt: "gt:2024-01-01"}, {UpdatedAt: "gt:2024-01-01"},
		} {
			before := len(f.srv.Requests())
			_, err := cinder.Collect(old.Volumes.List(ctx, &o))
			var verr *cinder.VersionError
			require.ErrorAs(t, err, &verr)
			assert.Len(t, f.srv.Requests(), before, "nothing may be sent")
		}
		before := len(f.srv.Requests())
		_, err := cinder.Collect(testutil.At(t, f.c, "3.33").Volumes.List(ctx,
			&volumes.ListOptions{Filters: map[string]string{"name~": "twin"}}))
		emuVersionError(t, f.srv, before, err, "3.34")
	})
	t.Run("demo filters", func(t *testing.T) {
		demo := emuClient(t, f.srv, "demo", "")
		got, err := cinder.Collect(demo.Volumes.List(ctx, &volumes.ListOptions{AllTenants: true}))
		assert.Equal(t, []string{f.demo.ID}, emuIDs(t, got, err), "all_tenants is ignored for non-admins")
		_, err = cinder.Collect(demo.Volumes.List(ctx, &volumes.ListOptions{Filters: map[string]string{"emu_bogus": "1"}}))
		emuAPIError(t, err, cinder.ErrBadRequest, 400, "Invalid filters emu_bogus are found in query options.")
	})
}

func TestEmulatorListSort(t *testing.T) {
	t.Parallel()
	f := newEmuList(t)
	ctx := t.Context()
	cases := []struct {
		sort string
		want []string
	}{
		{"size:asc", f.ids(1, 3, 2, 4, 0)}, // ties: created_at in the first key's direction
		{"size:desc,name:asc", f.ids(0, 2, 4, 1, 3)},
		{"name:asc", f.ids(0, 1, 2, 3, 4)},
		{"name:desc", f.ids(4, 3, 2, 1, 0)},
		{"created_at:asc", f.ids(0, 1, 2, 3, 4)},
		{"created_at", f.ids(4, 3, 2, 1, 0)}, // default direction desc
		{"bootable:desc", f.ids(0, 4, 3, 2, 1)},
	}
	for _, tc := range cases {
		t.Run(tc.sort, func(t *testing.T) {
			got, err := cinder.Collect(f.c.Volumes.List(ctx, &volumes.ListOptions{Sort: tc.sort}))
			assert.Equal(t, tc.want, emuIDs(t, got, err))
		})
	}
	t.Run("every key", func(t *testing.T) {
		for _, key := range volumes.SortKeys() {
			if slices.Contains([]string{"volume_type", "host", "migration_status"}, key) {
				continue // see "keys real Cinder accepts" below
			}
			got, err := cinder.Collect(f.c.Volumes.List(ctx, &volumes.ListOptions{Sort: key + ":asc"}))
			assert.Len(t, emuIDs(t, got, err), 5, key)
		}
	})
	t.Run("keys real Cinder accepts", func(t *testing.T) {
		for _, key := range []string{"volume_type", "host", "migration_status"} {
			got, err := cinder.Collect(f.c.Volumes.List(ctx, &volumes.ListOptions{Sort: key + ":asc"}))
			assert.Len(t, emuIDs(t, got, err), 5, key)
		}
	})
	t.Run("refused before sending", func(t *testing.T) {
		before := len(f.srv.Requests())
		for _, s := range []string{"description", "reference", "size:up"} {
			_, err := cinder.Collect(f.c.Volumes.List(ctx, &volumes.ListOptions{Sort: s}))
			require.Error(t, err, s)
			assert.True(t, strings.HasPrefix(err.Error(), "cinder: sort"), err.Error())
		}
		assert.Len(t, f.srv.Requests(), before)
	})
}
