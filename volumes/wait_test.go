package volumes_test

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/volumes"
)

// serve answers successive GETs of volume A with the fixtures in turn
// (the last one repeats) and records when each came.
func serve(t *testing.T, fixtures ...string) (*cinder.Client, *[]time.Duration) {
	c, mock := testutil.NewClient(t, "3.70")
	start := time.Now()
	var at []time.Duration
	var n atomic.Int32
	mock.RegisterResponder(http.MethodGet, testutil.URL("volumes/"+idA), func(r *http.Request) (*http.Response, error) {
		testutil.Check(t, testutil.Expect{Method: http.MethodGet, Path: "volumes/" + idA, Version: "3.70"}, r)
		at = append(at, time.Since(start))
		i := min(int(n.Add(1))-1, len(fixtures)-1)
		status := http.StatusOK
		if fixtures[i] == "volumes/error_404.json" {
			status = http.StatusNotFound
		}
		return testutil.Respond(status, testutil.Fixture(t, fixtures[i])), nil
	})
	return c, &at
}

func TestWaitForStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, at := serve(t, "volumes/create.json", "volumes/create.json", "volumes/create.json", "volumes/get.json")
		var seen []volumes.Status
		v, err := c.Volumes.WaitForStatus(t.Context(), idA, volumes.StatusAvailable,
			&volumes.WaitOptions{Progress: func(v *volumes.Volume) { seen = append(seen, v.Status) }})
		require.NoError(t, err)
		assert.Equal(t, volumeA(), *v)
		assert.Equal(t, []time.Duration{0, time.Second, 3 * time.Second, 7 * time.Second}, *at, "1 s, then doubling")
		assert.Equal(t, []volumes.Status{"creating", "creating", "creating", "available"}, seen)
	})
}

func TestWaitForStatusCapsAt15s(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, at := serve(t, "volumes/create.json", "volumes/create.json", "volumes/create.json", "volumes/create.json",
			"volumes/create.json", "volumes/create.json", "volumes/create.json", "volumes/get.json")
		_, err := c.Volumes.WaitForStatus(t.Context(), idA, volumes.StatusAvailable, nil)
		require.NoError(t, err)
		s := time.Second
		assert.Equal(t, []time.Duration{0, s, 3 * s, 7 * s, 15 * s, 30 * s, 45 * s, 60 * s}, *at)
	})
}

func TestWaitForStatusErrorStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, at := serve(t, "volumes/get_error.json")
		v, err := c.Volumes.WaitForStatus(t.Context(), idA, volumes.StatusAvailable, nil)
		var se *cinder.StatusError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, idA, se.ID)
		assert.Equal(t, "error", se.Status)
		assert.Equal(t, volumes.StatusError, v.Status, "the volume comes back too")
		assert.Len(t, *at, 1, "no further polls")
	})
}

func TestWaitForStatusWantsError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, _ := serve(t, "volumes/get_error.json")
		v, err := c.Volumes.WaitForStatus(t.Context(), idA, volumes.StatusError, nil)
		require.NoError(t, err)
		assert.Equal(t, volumes.StatusError, v.Status)
	})
}

func TestWaitForStatusDeadline(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, at := serve(t, "volumes/create.json")
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		defer cancel()
		_, err := c.Volumes.WaitForStatus(ctx, idA, volumes.StatusAvailable, nil)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Contains(t, err.Error(), `cinder: waiting for volume `+idA+` to be available (last status "creating")`)
		assert.Len(t, *at, 4, "polls at 0, 1, 3 and 7 s")
	})
}

func TestWaitForStatusAPIError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, _ := serve(t, "volumes/create.json", "volumes/error_404.json")
		_, err := c.Volumes.WaitForStatus(t.Context(), idA, volumes.StatusAvailable, nil)
		assertAPIError(t, err, cinder.ErrNotFound, 404, "itemNotFound", "Volume 00000000-0000-4000-8000-00000000dead could not be found.")
	})
}

func TestWaitForDeleted(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, at := serve(t, "volumes/get.json", "volumes/get.json", "volumes/error_404.json")
		calls := 0
		err := c.Volumes.WaitForDeleted(t.Context(), idA, &volumes.WaitOptions{Progress: func(*volumes.Volume) { calls++ }})
		require.NoError(t, err)
		assert.Equal(t, []time.Duration{0, time.Second, 3 * time.Second}, *at)
		assert.Equal(t, 2, calls)
	})
}

func TestWaitForDeletedErrors(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, _ := serve(t, "volumes/get_error.json")
		var se *cinder.StatusError
		require.ErrorAs(t, c.Volumes.WaitForDeleted(t.Context(), idA, nil), &se)
		assert.Equal(t, "error", se.Status)

		c2, _ := serve(t, "volumes/get.json")
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		err := c2.Volumes.WaitForDeleted(ctx, idA, nil)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Contains(t, err.Error(), "to be deleted")
	})
}
