package snapshots_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/snapshots"
)

func TestListManageableSummary(t *testing.T) {
	t.Parallel()
	// The test cloud's localfile driver answers 500 here; this body follows
	// Cinder's manageable_snapshots summary view.
	const page = `{"manageable-snapshots": [{"reference": {"source-name": "snap-1"}, "size": 2,
		"safe_to_manage": true, "source_reference": {"source-name": "volume-1"}}]}`
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("manageable_snapshots"), func(r *http.Request) (*http.Response, error) {
		testutil.Check(t, testutil.Expect{Method: http.MethodGet, Path: "manageable_snapshots", Version: "3.70",
			Query: "cluster=c1&limit=5&offset=2"}, r)
		return testutil.Respond(http.StatusOK, []byte(page)), nil
	})
	got, err := cinder.Collect(c.Snapshots.ListManageableSummary(t.Context(),
		&snapshots.ManageableListOptions{Cluster: "c1", Limit: 5, Offset: 2}))
	require.NoError(t, err)
	assert.Equal(t, []snapshots.ManageableSummary{{Reference: map[string]any{"source-name": "snap-1"}, Size: 2,
		SafeToManage: true, SourceReference: map[string]any{"source-name": "volume-1"}}}, got)
}

func TestListManageableSummaryErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "manageable_snapshots", Query: "host=h"},
		http.StatusInternalServerError, "snapshots/error_manageable_500.json")
	_, err := cinder.Collect(c.Snapshots.ListManageableSummary(t.Context(), &snapshots.ManageableListOptions{Host: "h"}))
	testutil.RequireAPIError(t, err, http.StatusInternalServerError, cinder.ErrServer, "incapable of performing the requested operation")
	for _, tc := range []struct {
		version string
		opts    *snapshots.ManageableListOptions
		need    string
	}{
		{"3.7", &snapshots.ManageableListOptions{Host: "h"}, "3.8"},
		{"3.16", &snapshots.ManageableListOptions{Cluster: "c"}, "3.17"},
		{"3.70", nil, ""},
	} {
		old, oldMock := testutil.NewClient(t, tc.version)
		_, err := cinder.Collect(old.Snapshots.ListManageableSummary(t.Context(), tc.opts))
		if tc.need != "" {
			testutil.RequireVersionError(t, err, tc.need)
		} else {
			require.Error(t, err)
		}
		assert.Equal(t, 0, oldMock.GetTotalCallCount())
	}
}

func TestListManageableSummaryEmulator(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(srv.Close)
	c, err := srv.Client(ctx)
	require.NoError(t, err)
	opts := &snapshots.ManageableListOptions{Host: "emulator@lvm#pool"}
	summary, err := cinder.Collect(c.Snapshots.ListManageableSummary(ctx, opts))
	require.NoError(t, err)
	detail, err := cinder.Collect(c.Snapshots.ListManageable(ctx, opts))
	require.NoError(t, err)
	require.NotEmpty(t, summary)
	require.Len(t, summary, len(detail))
	for i := range detail {
		assert.Equal(t, snapshots.ManageableSummary{Reference: detail[i].Reference, Size: detail[i].Size,
			SafeToManage: detail[i].SafeToManage, SourceReference: detail[i].SourceReference}, summary[i])
	}
}
