package backups_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/internal/testutil"
)

// The waiter's timing, error states and deadline are tested in
// internal/wait; these tests check the backup wrappers on fixtures.

func TestWaitForStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "backups/"+bak1, "backups/get_creating.json", "backups/get_creating.json", "backups/get.json")
		var seen []backups.Status
		b, err := c.Backups.WaitForStatus(t.Context(), bak1, backups.StatusAvailable,
			&backups.WaitOptions{Progress: func(b *backups.Backup) { seen = append(seen, b.Status) }})
		require.NoError(t, err)
		assert.Equal(t, fixtureBackup(), *b)
		assert.Equal(t, []time.Duration{0, time.Second, 3 * time.Second}, at())
		assert.Equal(t, []backups.Status{"creating", "creating", "available"}, seen)
	})
}

func TestWaitForStatusError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Sequence(t, mock, "backups/"+bak1, "backups/get_error.json")
		b, err := c.Backups.WaitForStatus(t.Context(), bak1, backups.StatusAvailable, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, cinder.StatusError{ID: bak1, Status: "error", Reason: "waiting for available"}, *serr)
		require.NotNil(t, b)
		assert.Equal(t, 1, mock.GetTotalCallCount())
	})
}

func TestWaitForDeleted(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "backups/"+bak1, "backups/get.json", "backups/get.json", "backups/error_404.json")
		require.NoError(t, c.Backups.WaitForDeleted(t.Context(), bak1, nil))
		assert.Len(t, at(), 3)
	})
}

func TestWaitForDeletedError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Sequence(t, mock, "backups/"+bak1, "backups/get_error.json")
		err := c.Backups.WaitForDeleted(t.Context(), bak1, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, "error", serr.Status)
	})
}
