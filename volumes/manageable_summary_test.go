package volumes_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/volumes"
)

func TestListManageableSummary(t *testing.T) {
	t.Parallel()
	// The test cloud's localfile driver cannot list manageable volumes (it
	// answers 500), so this body follows Cinder's manageable_volumes summary view.
	const page = `{"manageable-volumes": [{"reference": {"source-name": "lv1"}, "size": 2, "safe_to_manage": true}]}`
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, "=~/manageable_volumes$", func(r *http.Request) (*http.Response, error) {
		testutil.Check(t, testutil.Expect{Method: http.MethodGet, Path: "manageable_volumes", Version: "3.70",
			Query: "host=h%40b%23p&limit=5&sort=reference%3Aasc"}, r)
		return testutil.Respond(200, []byte(page)), nil
	})
	got, err := cinder.Collect(c.Volumes.ListManageableSummary(t.Context(), &volumes.ManageableListOptions{Host: "h@b#p", Limit: 5, Sort: "reference:asc"}))
	require.NoError(t, err)
	assert.Equal(t, []volumes.ManageableSummary{{Reference: map[string]any{"source-name": "lv1"}, Size: 2, SafeToManage: true}}, got)
}

func TestListManageableSummaryErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, "=~/manageable_volumes$", testutil.JSONResponder(t, 500, "volumes/error_manageable_list.json"))
	_, err := cinder.Collect(c.Volumes.ListManageableSummary(t.Context(), &volumes.ManageableListOptions{Host: "cinder-host@backend#pool"}))
	assertAPIError(t, err, cinder.ErrServer, 500, "computeFault", "The server has either erred or is incapable of performing the requested operation.")
	old, oldMock := testutil.NewClient(t, "3.7")
	_, err = cinder.Collect(old.Volumes.ListManageableSummary(t.Context(), &volumes.ManageableListOptions{Host: "h"}))
	assertVersionError(t, err, "3.8", oldMock.GetTotalCallCount())
	_, err = cinder.Collect(c.Volumes.ListManageableSummary(t.Context(), &volumes.ManageableListOptions{Host: "h", Cluster: "c"}))
	require.Error(t, err)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestListManageableSummaryEmulator(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(srv.Close)
	c, err := srv.Client(ctx)
	require.NoError(t, err)
	summary, err := cinder.Collect(c.Volumes.ListManageableSummary(ctx, &volumes.ManageableListOptions{Host: "emulator@lvm#pool"}))
	require.NoError(t, err)
	detail, err := cinder.Collect(c.Volumes.ListManageable(ctx, &volumes.ManageableListOptions{Host: "emulator@lvm#pool"}))
	require.NoError(t, err)
	require.NotEmpty(t, summary)
	require.Len(t, summary, len(detail))
	for i := range detail {
		assert.Equal(t, volumes.ManageableSummary{Reference: detail[i].Reference, Size: detail[i].Size, SafeToManage: detail[i].SafeToManage}, summary[i])
	}
}
