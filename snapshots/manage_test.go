package snapshots_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/snapshots"
)

// manageableBody is the shape of Cinder's manageable-snapshots view. The
// test cloud's driver does not list manageable snapshots (it answers 500,
// see error_manageable_500.json), so this tiny body is written by hand.
const manageableBody = `{"manageable-snapshots": [{"reference": {"source-name": "snap-1"}, "size": 2,
  "safe_to_manage": false, "reason_not_safe": "already managed", "extra_info": null,
  "cinder_id": "00000000-0000-4000-8000-000000000001", "source_reference": {"source-name": "volume-1"}}]}`

func TestListManageable(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("manageable_snapshots/detail"), func(r *http.Request) (*http.Response, error) {
		testutil.Check(t, testutil.Expect{Method: http.MethodGet, Path: "manageable_snapshots/detail", Version: "3.70",
			Query: "host=cinder-host%40backend&limit=5&offset=2&sort=size%3Adesc"}, r)
		return testutil.Respond(http.StatusOK, []byte(manageableBody)), nil
	})
	got, err := cinder.Collect(c.Snapshots.ListManageable(t.Context(),
		&snapshots.ManageableListOptions{Host: "cinder-host@backend", Limit: 5, Offset: 2, Sort: "size:desc"}))
	require.NoError(t, err)
	assert.Equal(t, []snapshots.Manageable{{
		Reference: map[string]any{"source-name": "snap-1"}, Size: 2, ReasonNotSafe: "already managed",
		CinderID: snapID, SourceReference: map[string]any{"source-name": "volume-1"},
	}}, got)
}

func TestListManageableCluster(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.17")
	mock.RegisterResponder(http.MethodGet, testutil.URL("manageable_snapshots/detail"), func(r *http.Request) (*http.Response, error) {
		testutil.Check(t, testutil.Expect{Method: http.MethodGet, Path: "manageable_snapshots/detail", Query: "cluster=c1", Version: "3.17"}, r)
		return testutil.Respond(http.StatusOK, []byte(`{"manageable-snapshots": []}`)), nil
	})
	got, err := cinder.Collect(c.Snapshots.ListManageable(t.Context(), &snapshots.ManageableListOptions{Cluster: "c1"}))
	require.NoError(t, err)
	assert.Empty(t, got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestListManageableServerError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "manageable_snapshots/detail", Query: "host=h"},
		http.StatusInternalServerError, "snapshots/error_manageable_500.json")
	_, err := cinder.Collect(c.Snapshots.ListManageable(t.Context(), &snapshots.ManageableListOptions{Host: "h"}))
	testutil.RequireAPIError(t, err, http.StatusInternalServerError, cinder.ErrServer, "incapable of performing the requested operation")
}

func TestListManageableRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		opts    *snapshots.ManageableListOptions
		need    string // "" when refused for another reason
	}{
		{"3.7", &snapshots.ManageableListOptions{Host: "h"}, "3.8"},
		{"3.16", &snapshots.ManageableListOptions{Cluster: "c"}, "3.17"},
		{"3.70", nil, ""},
		{"3.70", &snapshots.ManageableListOptions{Host: "h", Cluster: "c"}, ""},
		{"3.70", &snapshots.ManageableListOptions{Host: "h", Sort: "name"}, ""},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		_, err := cinder.Collect(c.Snapshots.ListManageable(t.Context(), tc.opts))
		if tc.need != "" {
			testutil.RequireVersionError(t, err, tc.need)
		} else {
			require.Error(t, err)
		}
		assert.Equal(t, 0, mock.GetTotalCallCount())
	}
}

func managedSnapshot(id, name, description string, md map[string]string) snapshots.Snapshot {
	return snapshots.Snapshot{ID: id, Name: name, Description: description, Status: snapshots.StatusCreating, Size: 1,
		VolumeID: volID, CreatedAt: stamp, UpdatedAt: time.Time{}, Metadata: md}
}

func TestManage(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "manageable_snapshots", Version: "3.70",
		Body: `{"snapshot":{"volume_id":"` + volID + `","ref":{"source-name":"sb-nonexistent"},"name":"sb-managed","description":"adopted","metadata":{"k":"v"}}}`},
		http.StatusAccepted, "snapshots/manage.json")
	s, err := c.Snapshots.Manage(t.Context(), snapshots.ManageRequest{VolumeID: volID, Ref: map[string]string{"source-name": "sb-nonexistent"},
		Name: "sb-managed", Description: "adopted", Metadata: map[string]string{"k": "v"}})
	require.NoError(t, err)
	assert.Equal(t, managedSnapshot("00000000-0000-4000-8000-000000000009", "sb-managed", "adopted", map[string]string{"k": "v"}), *s)
}

func TestManageLegacy(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.7")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "os-snapshot-manage", Version: "3.7",
		Body: `{"snapshot":{"volume_id":"` + volID + `","ref":{"source-name":"sb-nonexistent2"},"name":"sb-managed-legacy"}}`},
		http.StatusAccepted, "snapshots/manage_legacy.json")
	s, err := c.Snapshots.Manage(t.Context(), snapshots.ManageRequest{VolumeID: volID, Ref: map[string]string{"source-name": "sb-nonexistent2"},
		Name: "sb-managed-legacy"})
	require.NoError(t, err)
	assert.Equal(t, managedSnapshot("00000000-0000-4000-8000-000000000010", "sb-managed-legacy", "", map[string]string{}), *s)
}

func TestManageErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.Snapshots.Manage(t.Context(), snapshots.ManageRequest{Ref: map[string]string{"source-name": "x"}})
	require.ErrorContains(t, err, "volume")
	_, err = c.Snapshots.Manage(t.Context(), snapshots.ManageRequest{VolumeID: volID})
	require.ErrorContains(t, err, "reference")
	assert.Equal(t, 0, mock.GetTotalCallCount())

	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "manageable_snapshots",
		Body: `{"snapshot":{"volume_id":"nope","ref":{"source-name":"x"}}}`}, http.StatusNotFound, "snapshots/error_404.json")
	_, err = c.Snapshots.Manage(t.Context(), snapshots.ManageRequest{VolumeID: "nope", Ref: map[string]string{"source-name": "x"}})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}
