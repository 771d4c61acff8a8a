package backups_test

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
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/internal/testutil"
)

// sequence answers GET /backups/{bak1} with the fixtures in turn (404 for
// error_404.json); the returned func tells when each request came.
func sequence(t *testing.T, mock *httpmock.MockTransport, fixtures ...string) func() []time.Time {
	t.Helper()
	var mu sync.Mutex
	var at []time.Time
	bodies := make([][]byte, len(fixtures))
	for i, f := range fixtures {
		bodies[i] = testutil.Fixture(t, f)
	}
	mock.RegisterResponder(http.MethodGet, testutil.URL("backups/"+bak1), func(*http.Request) (*http.Response, error) {
		mu.Lock()
		defer mu.Unlock()
		i := min(len(at), len(bodies)-1)
		at = append(at, time.Now())
		status := http.StatusOK
		if fixtures[i] == "backups/error_404.json" {
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
		at := sequence(t, mock, "backups/get_creating.json", "backups/get_creating.json", "backups/get.json")
		start := time.Now()
		var seen []backups.Status
		b, err := c.Backups.WaitForStatus(t.Context(), bak1, backups.StatusAvailable,
			&backups.WaitOptions{Progress: func(b *backups.Backup) { seen = append(seen, b.Status) }})
		require.NoError(t, err)
		assert.Equal(t, fixtureBackup(), *b)
		var gaps []time.Duration
		for _, a := range at() {
			gaps = append(gaps, a.Sub(start))
		}
		assert.Equal(t, []time.Duration{0, time.Second, 3 * time.Second}, gaps)
		assert.Equal(t, []backups.Status{"creating", "creating", "available"}, seen)
	})
}

func TestWaitForStatusCapsAt15s(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := sequence(t, mock, "backups/get_creating.json")
		ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
		defer cancel()
		_, err := c.Backups.WaitForStatus(ctx, bak1, backups.StatusAvailable, nil)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Contains(t, err.Error(), `last status "creating"`)
		times := at()
		require.GreaterOrEqual(t, len(times), 6)
		assert.Equal(t, 15*time.Second, times[5].Sub(times[4]))
	})
}

func TestWaitForStatusError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		sequence(t, mock, "backups/get_error.json")
		b, err := c.Backups.WaitForStatus(t.Context(), bak1, backups.StatusAvailable, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, cinder.StatusError{ID: bak1, Status: "error", Reason: "waiting for available"}, *serr)
		require.NotNil(t, b)
		assert.Equal(t, 1, mock.GetTotalCallCount())
	})
}

func TestWaitForStatusAPIError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		sequence(t, mock, "backups/error_404.json")
		_, err := c.Backups.WaitForStatus(t.Context(), bak1, backups.StatusAvailable, nil)
		requireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
	})
}

func TestWaitForDeleted(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := sequence(t, mock, "backups/get.json", "backups/get.json", "backups/error_404.json")
		require.NoError(t, c.Backups.WaitForDeleted(t.Context(), bak1, nil))
		assert.Len(t, at(), 3)
	})
}

func TestWaitForDeletedError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		sequence(t, mock, "backups/get_error.json")
		err := c.Backups.WaitForDeleted(t.Context(), bak1, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, "error", serr.Status)
	})
}
