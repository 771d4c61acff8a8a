package snapshots_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/snapshots"
)

// The waiter's timing, error states and deadline are tested in
// internal/wait; these tests check the snapshot wrappers on fixtures.

func TestWaitForStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "snapshots/"+snapID, "snapshots/create.json", "snapshots/get.json")
		var seen []snapshots.Status
		s, err := c.Snapshots.WaitForStatus(t.Context(), snapID, snapshots.StatusAvailable,
			&snapshots.WaitOptions{Progress: func(s *snapshots.Snapshot) { seen = append(seen, s.Status) }})
		require.NoError(t, err)
		assert.Equal(t, fixtureSnapshot(), *s)
		assert.Equal(t, []time.Duration{0, time.Second}, at())
		assert.Equal(t, []snapshots.Status{"creating", "available"}, seen)
	})
}

func TestWaitForStatusError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Sequence(t, mock, "snapshots/"+snapID, "snapshots/get_error.json")
		s, err := c.Snapshots.WaitForStatus(t.Context(), snapID, snapshots.StatusAvailable, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, cinder.StatusError{ID: snapID, Status: "error", Reason: "waiting for available"}, *serr)
		require.NotNil(t, s)
		assert.Equal(t, snapshots.StatusError, s.Status)
		assert.Equal(t, 1, mock.GetTotalCallCount())
	})
}

func TestWaitForDeleted(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "snapshots/"+snapID, "snapshots/get.json", "snapshots/error_404.json")
		require.NoError(t, c.Snapshots.WaitForDeleted(t.Context(), snapID, nil))
		assert.Len(t, at(), 2)
	})
}

func TestWaitForDeletedError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Sequence(t, mock, "snapshots/"+snapID, "snapshots/get_error.json")
		err := c.Snapshots.WaitForDeleted(t.Context(), snapID, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, cinder.StatusError{ID: snapID, Status: "error", Reason: "waiting for deletion"}, *serr)
	})
}
