package volumes_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/volumes"
)

const recMeta = `metadata=%7B%27gocinder-rec%27%3A+%271%27%7D`

func TestListFollowsPages(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, "=~/volumes/detail", func(r *http.Request) (*http.Response, error) {
		assert.Equal(t, "volume 3.70", r.Header.Get("OpenStack-API-Version"))
		switch r.URL.Query().Get("marker") {
		case "":
			assert.Equal(t, "limit=1&"+recMeta+"&sort=name%3Aasc", r.URL.RawQuery)
			return testutil.Respond(200, testutil.Fixture(t, "volumes/list_page1.json")), nil
		case idA:
			assert.Equal(t, "limit=1&marker="+idA+"&"+recMeta+"&sort=name%3Aasc", r.URL.RawQuery)
			return testutil.Respond(200, testutil.Fixture(t, "volumes/list_page2.json")), nil
		}
		// Cinder links a full page to the next one even when it is empty
		assert.Equal(t, "limit=1&marker="+idB+"&"+recMeta+"&sort=name%3Aasc", r.URL.RawQuery)
		return testutil.Respond(200, testutil.Fixture(t, "volumes/list_page3.json")), nil
	})
	opts := &volumes.ListOptions{Limit: 1, Sort: "name:asc", Metadata: map[string]string{"gocinder-rec": "1"}}
	got, err := cinder.Collect(c.Volumes.List(t.Context(), opts))
	require.NoError(t, err)
	assert.Equal(t, []volumes.Volume{volumeA(), volumeB()}, got)
	assert.Equal(t, 3, mock.GetTotalCallCount())
	assert.Empty(t, opts.Marker, "opts untouched")
}

func TestListPage(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volumes/detail", Query: "limit=1&" + recMeta + "&sort=name%3Aasc"},
		http.StatusOK, "volumes/list_page1.json")
	items, next, err := c.Volumes.ListPage(t.Context(), &volumes.ListOptions{Limit: 1, Sort: "name:asc", Metadata: map[string]string{"gocinder-rec": "1"}})
	require.NoError(t, err)
	assert.Equal(t, []volumes.Volume{volumeA()}, items)
	assert.Equal(t, idA, next)

	c2, mock2 := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock2, testutil.Expect{Method: http.MethodGet, Path: "volumes/detail", Query: "marker=" + idA}, http.StatusOK, "volumes/list_page2.json")
	items, next, err = c2.Volumes.ListPage(t.Context(), &volumes.ListOptions{Marker: idA})
	require.NoError(t, err)
	assert.Equal(t, []volumes.Volume{volumeB()}, items)
	assert.Equal(t, idB, next, "a full page links to the next")

	c3, mock3 := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock3, testutil.Expect{Method: http.MethodGet, Path: "volumes/detail", Query: "marker=" + idB}, http.StatusOK, "volumes/list_page3.json")
	items, next, err = c3.Volumes.ListPage(t.Context(), &volumes.ListOptions{Marker: idB})
	require.NoError(t, err)
	assert.Empty(t, items)
	assert.Empty(t, next)
}

func TestListRefs(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volumes", Query: recMeta + "&sort=name%3Aasc", Version: "3.70"},
		http.StatusOK, "volumes/list_summary.json")
	got, err := cinder.Collect(c.Volumes.ListRefs(t.Context(), &volumes.ListOptions{Sort: "name:asc", Metadata: map[string]string{"gocinder-rec": "1"}}))
	require.NoError(t, err)
	assert.Equal(t, []volumes.Ref{{ID: idA, Name: "gocinder-rec-a", Links: links(idA)}, {ID: idB, Name: "gocinder-rec-b", Links: links(idB)}}, got)
}

func TestCount(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volumes", Query: "limit=1&" + recMeta + "&with_count=true"},
		http.StatusOK, "volumes/count.json")
	n, err := c.Volumes.Count(t.Context(), &volumes.ListOptions{Marker: "m", Metadata: map[string]string{"gocinder-rec": "1"}})
	require.NoError(t, err)
	assert.Equal(t, 2, n)

	old, oldMock := testutil.NewClient(t, "3.44")
	_, err = old.Volumes.Count(t.Context(), nil)
	assertVersionError(t, err, "3.45", oldMock.GetTotalCallCount())
}

func TestListError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("volumes/detail"), testutil.JSONResponder(t, 403, "volumes/error_403.json"))
	_, err := cinder.Collect(c.Volumes.List(t.Context(), nil))
	assertAPIError(t, err, cinder.ErrForbidden, 403, "forbidden", "Policy doesn't allow volume_extension:volume_admin_actions:reset_status to be performed.")
}

func TestListOptionsQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		opts *volumes.ListOptions
		want url.Values
	}{
		{"nil", nil, url.Values{}},
		{"paging", &volumes.ListOptions{Limit: 5, Marker: "m", Sort: "name:desc,created_at"},
			url.Values{"limit": {"5"}, "marker": {"m"}, "sort": {"name:desc,created_at"}}},
		{"admin", &volumes.ListOptions{AllTenants: true, ProjectID: "p", MigrationStatus: "migrating"},
			url.Values{"all_tenants": {"1"}, "project_id": {"p"}, "migration_status": {"migrating"}}},
		{"filters", &volumes.ListOptions{Name: "n", Status: volumes.StatusError, Bootable: new(false),
			Metadata: map[string]string{"b": "it's", "a": "1"}},
			url.Values{"name": {"n"}, "status": {"error"}, "bootable": {"false"}, "metadata": {`{'a': '1', 'b': 'it\'s'}`}}},
		{"image metadata", &volumes.ListOptions{ImageMetadata: map[string]string{"os_distro": "debian"}},
			url.Values{"glance_metadata": {"{'os_distro': 'debian'}"}}},
		{"group", &volumes.ListOptions{GroupID: "g"}, url.Values{"group_id": {"g"}}},
		{"consumes quota", &volumes.ListOptions{ConsumesQuota: new(true)}, url.Values{"consumes_quota": {"true"}}},
		{"generic", &volumes.ListOptions{Filters: map[string]string{"size": "1", "name~": "rec"}}, url.Values{"size": {"1"}, "name~": {"rec"}}},
		{"times", &volumes.ListOptions{CreatedAt: "gt:2024-01-01T00:00:00", UpdatedAt: "lte:2025-01-01T00:00:00"},
			url.Values{"created_at": {"gt:2024-01-01T00:00:00"}, "updated_at": {"lte:2025-01-01T00:00:00"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.70")
			mock.RegisterResponder(http.MethodGet, "=~/volumes/detail", func(r *http.Request) (*http.Response, error) {
				assert.Equal(t, tc.want, r.URL.Query())
				return testutil.Respond(200, []byte(`{"volumes": []}`)), nil
			})
			_, err := cinder.Collect(c.Volumes.List(t.Context(), tc.opts))
			require.NoError(t, err)
			assert.Equal(t, 1, mock.GetTotalCallCount())
		})
	}
}

func TestListOptionsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		version string
		opts    *volumes.ListOptions
		need    string // "" for a plain (non-version) error
	}{
		{"image metadata", "3.3", &volumes.ListOptions{ImageMetadata: map[string]string{"a": "b"}}, "3.4"},
		{"group", "3.9", &volumes.ListOptions{GroupID: "g"}, "3.10"},
		{"consumes quota", "3.64", &volumes.ListOptions{ConsumesQuota: new(true)}, "3.65"},
		{"filters", "3.32", &volumes.ListOptions{Filters: map[string]string{"size": "1"}}, "3.33"},
		{"inexact", "3.33", &volumes.ListOptions{Filters: map[string]string{"name~": "x"}}, "3.34"},
		{"created_at", "3.59", &volumes.ListOptions{CreatedAt: "gt:2024-01-01T00:00:00"}, "3.60"},
		{"updated_at", "3.59", &volumes.ListOptions{UpdatedAt: "gt:2024-01-01T00:00:00"}, "3.60"},
		{"bad sort key", "3.70", &volumes.ListOptions{Sort: "reference"}, ""},
		{"bad sort dir", "3.70", &volumes.ListOptions{Sort: "name:up"}, ""},
		{"bad time op", "3.70", &volumes.ListOptions{CreatedAt: "after:2024"}, ""},
		{"negative limit", "3.70", &volumes.ListOptions{Limit: -1}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, tc.version)
			_, err := cinder.Collect(c.Volumes.List(t.Context(), tc.opts))
			if tc.need == "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), "cinder: ")
				assert.Equal(t, 0, mock.GetTotalCallCount())
				return
			}
			assertVersionError(t, err, tc.need, mock.GetTotalCallCount())
		})
	}
}
