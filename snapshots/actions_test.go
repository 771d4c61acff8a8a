package snapshots_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/snapshots"
)

func TestActions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		body string
		call func(context.Context, *snapshots.Manager) error
	}{
		{"ResetStatus", `{"os-reset_status":{"status":"error"}}`, func(ctx context.Context, m *snapshots.Manager) error {
			return m.ResetStatus(ctx, snapID, snapshots.StatusError)
		}},
		{"UpdateStatus", `{"os-update_snapshot_status":{"status":"available","progress":"90%"}}`, func(ctx context.Context, m *snapshots.Manager) error {
			return m.UpdateStatus(ctx, snapID, snapshots.UpdateStatusRequest{Status: snapshots.StatusAvailable, Progress: "90%"})
		}},
		{"UpdateStatus without progress", `{"os-update_snapshot_status":{"status":"error"}}`, func(ctx context.Context, m *snapshots.Manager) error {
			return m.UpdateStatus(ctx, snapID, snapshots.UpdateStatusRequest{Status: snapshots.StatusError})
		}},
		{"ForceDelete", `{"os-force_delete":null}`, func(ctx context.Context, m *snapshots.Manager) error {
			return m.ForceDelete(ctx, snapID)
		}},
		{"Unmanage", `{"os-unmanage":null}`, func(ctx context.Context, m *snapshots.Manager) error {
			return m.Unmanage(ctx, snapID)
		}},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "snapshots/" + snapID + "/action", Version: "3.70", Body: tc.body},
			http.StatusAccepted, "")
		require.NoError(t, tc.call(t.Context(), c.Snapshots), tc.name)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.name)
	}
}

func TestActionErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		fixture  string
		status   int
		sentinel error
		msg      string
		call     func(context.Context, *snapshots.Manager) error
	}{
		{"ResetStatus", "snapshots/error_reset_status.json", http.StatusBadRequest, cinder.ErrBadRequest, "Snapshot status: bogus is invalid",
			func(ctx context.Context, m *snapshots.Manager) error { return m.ResetStatus(ctx, snapID, "bogus") }},
		{"UpdateStatus", "snapshots/error_update_status.json", http.StatusBadRequest, cinder.ErrBadRequest, "not allowed for update_snapshot_status",
			func(ctx context.Context, m *snapshots.Manager) error {
				return m.UpdateStatus(ctx, snapID, snapshots.UpdateStatusRequest{Status: snapshots.StatusError})
			}},
		{"ForceDelete", "snapshots/error_404.json", http.StatusNotFound, cinder.ErrNotFound, "could not be found",
			func(ctx context.Context, m *snapshots.Manager) error { return m.ForceDelete(ctx, snapID) }},
		{"Unmanage", "snapshots/error_404.json", http.StatusNotFound, cinder.ErrNotFound, "could not be found",
			func(ctx context.Context, m *snapshots.Manager) error { return m.Unmanage(ctx, snapID) }},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		mock.RegisterResponder(http.MethodPost, testutil.URL("snapshots/"+snapID+"/action"), testutil.JSONResponder(t, tc.status, tc.fixture))
		err := tc.call(t.Context(), c.Snapshots)
		testutil.RequireAPIError(t, err, tc.status, tc.sentinel, tc.msg)
	}
}

func TestStatusActionsNeedAStatus(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	require.Error(t, c.Snapshots.ResetStatus(t.Context(), snapID, ""))
	require.Error(t, c.Snapshots.UpdateStatus(t.Context(), snapID, snapshots.UpdateStatusRequest{Progress: "10%"}))
	assert.Equal(t, 0, mock.GetTotalCallCount())
}
