package attachments_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/attachments"
	"github.com/gocinder/cinder/internal/testutil"
)

// The waiter's timing, error states and deadline are tested in
// internal/wait; these tests check the attachment wrappers on fixtures.

func TestWaitForStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "attachments/"+attID, "attachments/get_reserved.json", "attachments/get.json")
		var seen []attachments.Status
		a, err := c.Attachments.WaitForStatus(t.Context(), attID, attachments.StatusAttached,
			&attachments.WaitOptions{Progress: func(a *attachments.Attachment) { seen = append(seen, a.Status) }})
		require.NoError(t, err)
		assert.Equal(t, attachments.StatusAttached, a.Status)
		assert.Equal(t, []time.Duration{0, time.Second}, at())
		assert.Equal(t, []attachments.Status{attachments.StatusReserved, attachments.StatusAttached}, seen)
	})
}

func TestWaitForDeleted(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "attachments/"+attID, "attachments/get.json", "attachments/error_404.json")
		require.NoError(t, c.Attachments.WaitForDeleted(t.Context(), attID, nil))
		assert.Len(t, at(), 2)
	})
}

func TestWaitBeforeMicroversion(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.26")
	_, err := c.Attachments.WaitForStatus(t.Context(), attID, attachments.StatusAttached, nil)
	var verr *cinder.VersionError
	require.ErrorAs(t, err, &verr)
	assert.Zero(t, mock.GetTotalCallCount())
}
