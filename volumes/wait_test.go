package volumes_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/volumes"
)

// The waiter's timing, error states and deadline are tested in
// internal/wait; these tests check the volume wrappers on fixtures.

func TestWaitForStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "volumes/"+idA, "volumes/create.json", "volumes/create.json", "volumes/get.json")
		var seen []volumes.Status
		v, err := c.Volumes.WaitForStatus(t.Context(), idA, volumes.StatusAvailable,
			&volumes.WaitOptions{Progress: func(v *volumes.Volume) { seen = append(seen, v.Status) }})
		require.NoError(t, err)
		assert.Equal(t, volumeA(), *v)
		assert.Equal(t, []time.Duration{0, time.Second, 3 * time.Second}, at(), "1 s, then doubling")
		assert.Equal(t, []volumes.Status{"creating", "creating", "available"}, seen)
	})
}

func TestWaitForStatusErrorStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "volumes/"+idA, "volumes/get_error.json")
		v, err := c.Volumes.WaitForStatus(t.Context(), idA, volumes.StatusAvailable, nil)
		var se *cinder.StatusError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, cinder.StatusError{ID: idA, Status: "error", Reason: "waiting for available"}, *se)
		assert.Equal(t, volumes.StatusError, v.Status, "the volume comes back too")
		assert.Len(t, at(), 1, "no further polls")
	})
}

func TestWaitForStatusDeadline(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Sequence(t, mock, "volumes/"+idA, "volumes/create.json")
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		defer cancel()
		_, err := c.Volumes.WaitForStatus(ctx, idA, volumes.StatusAvailable, nil)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Contains(t, err.Error(), `cinder: waiting for volume `+idA+` to be available (last status "creating")`)
	})
}

func TestWaitForStatusAPIError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Sequence(t, mock, "volumes/"+idA, "volumes/create.json", "volumes/error_404.json")
		_, err := c.Volumes.WaitForStatus(t.Context(), idA, volumes.StatusAvailable, nil)
		assertAPIError(t, err, cinder.ErrNotFound, 404, "itemNotFound", "Volume 00000000-0000-4000-8000-00000000dead could not be found.")
	})
}

func TestWaitForDeleted(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "volumes/"+idA, "volumes/get.json", "volumes/get.json", "volumes/error_404.json")
		calls := 0
		err := c.Volumes.WaitForDeleted(t.Context(), idA, &volumes.WaitOptions{Progress: func(*volumes.Volume) { calls++ }})
		require.NoError(t, err)
		assert.Equal(t, []time.Duration{0, time.Second, 3 * time.Second}, at())
		assert.Equal(t, 2, calls)
	})
}

func TestWaitForDeletedErrorStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Sequence(t, mock, "volumes/"+idA, "volumes/get_error.json")
		var se *cinder.StatusError
		require.ErrorAs(t, c.Volumes.WaitForDeleted(t.Context(), idA, nil), &se)
		assert.Equal(t, cinder.StatusError{ID: idA, Status: "error", Reason: "waiting for deletion"}, *se)
	})
}
