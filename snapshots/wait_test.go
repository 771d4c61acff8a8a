package snapshots_test

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/snapshots"
)

// sequence answers GET /snapshots/{snapID} with the fixtures in turn
// (404 for an error_ fixture); the returned func tells when each request came.
func sequence(t *testing.T, mock *httpmock.MockTransport, fixtures ...string) func() []time.Time {
	t.Helper()
	var mu sync.Mutex
	var at []time.Time
	bodies := make([][]byte, len(fixtures))
	for i, f := range fixtures {
		bodies[i] = testutil.Fixture(t, f)
	}
	mock.RegisterResponder(http.MethodGet, testutil.URL("snapshots/"+snapID), func(*http.Request) (*http.Response, error) {
		mu.Lock()
		defer mu.Unlock()
		i := min(len(at), len(bodies)-1)
		at = append(at, time.Now())
		status := http.StatusOK
		if fixtures[i] == "snapshots/error_404.json" {
			status = http.StatusNotFound
		}
		return testutil.Respond(status, bodies[i]), nil
	})
	return func() []time.Time {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(at)
	}
}

func TestWaitForStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := sequence(t, mock, "snapshots/create.json", "snapshots/create.json", "snapshots/create.json", "snapshots/get.json")
		start := time.Now()
		var seen []snapshots.Status
		s, err := c.Snapshots.WaitForStatus(t.Context(), snapID, snapshots.StatusAvailable,
			&snapshots.WaitOptions{Progress: func(s *snapshots.Snapshot) { seen = append(seen, s.Status) }})
		require.NoError(t, err)
		assert.Equal(t, fixtureSnapshot(), *s)
		require.Len(t, at(), 4)
		var gaps []time.Duration
		for _, a := range at() {
			gaps = append(gaps, a.Sub(start))
		}
		assert.Equal(t, []time.Duration{0, time.Second, 3 * time.Second, 7 * time.Second}, gaps, "1 s, then doubling")
		assert.Equal(t, []snapshots.Status{"creating", "creating", "creating", "available"}, seen)
	})
}

func TestWaitForStatusCapsAt15s(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := sequence(t, mock, "snapshots/create.json")
		ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
		defer cancel()
		_, err := c.Snapshots.WaitForStatus(ctx, snapID, snapshots.StatusAvailable, nil)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Contains(t, err.Error(), `last status "creating"`)
		times := at()
		require.GreaterOrEqual(t, len(times), 6)
		assert.Equal(t, 15*time.Second, times[5].Sub(times[4]), "1, 2, 4, 8, then 15 s")
	})
}

func TestWaitForStatusError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		sequence(t, mock, "snapshots/get_error.json")
		s, err := c.Snapshots.WaitForStatus(t.Context(), snapID, snapshots.StatusAvailable, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, "error", serr.Status)
		require.NotNil(t, s)
		assert.Equal(t, snapshots.StatusError, s.Status)
		assert.Equal(t, 1, mock.GetTotalCallCount())
	})
}

func TestWaitForStatusAPIError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		sequence(t, mock, "snapshots/error_404.json")
		_, err := c.Snapshots.WaitForStatus(t.Context(), snapID, snapshots.StatusAvailable, nil)
		requireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
	})
}

func TestWaitForDeleted(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := sequence(t, mock, "snapshots/get.json", "snapshots/error_404.json")
		require.NoError(t, c.Snapshots.WaitForDeleted(t.Context(), snapID, nil))
		assert.Len(t, at(), 2)
	})
}

func TestWaitForDeletedError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		sequence(t, mock, "snapshots/get_error.json")
		err := c.Snapshots.WaitForDeleted(t.Context(), snapID, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, snapID, serr.ID)
	})
}
