package wait_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/rest"
	"github.com/gocinder/cinder/internal/wait"
)

type thing struct{ status string }

// poller answers each Get with the next status in turn (the last repeats;
// "404" is rest.ErrNotFound) and records when each poll came.
type poller struct {
	statuses []string
	start    time.Time
	at       []time.Duration
	ids      []string
	err      error // returned after the statuses run out, when set
}

func newPoller(statuses ...string) *poller {
	return &poller{statuses: statuses, start: time.Now()}
}

func (p *poller) get(_ context.Context, id string) (*thing, error) {
	p.ids = append(p.ids, id)
	p.at = append(p.at, time.Since(p.start))
	i := len(p.at) - 1
	if p.err != nil && i >= len(p.statuses) {
		return nil, p.err
	}
	s := p.statuses[min(i, len(p.statuses)-1)]
	if s == "404" {
		return nil, &rest.APIError{StatusCode: 404, Code: "itemNotFound"}
	}
	return &thing{status: s}, nil
}

func (p *poller) target(progress func(*thing)) wait.Target[thing] {
	return wait.Target[thing]{Kind: "thing", ID: "t1", Get: p.get,
		Status: func(t *thing) string { return t.status }, Progress: progress}
}

func TestForBacksOffAndReports(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p := newPoller("creating", "creating", "creating", "available")
		var seen []string
		v, err := wait.For(t.Context(), p.target(func(v *thing) { seen = append(seen, v.status) }), "available")
		require.NoError(t, err)
		assert.Equal(t, &thing{status: "available"}, v)
		assert.Equal(t, []time.Duration{0, time.Second, 3 * time.Second, 7 * time.Second}, p.at, "1 s, then doubling")
		assert.Equal(t, []string{"creating", "creating", "creating", "available"}, seen)
		assert.Equal(t, []string{"t1", "t1", "t1", "t1"}, p.ids)
	})
}

func TestForCapsAt15s(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p := newPoller("creating", "creating", "creating", "creating", "creating", "creating", "creating", "available")
		_, err := wait.For(t.Context(), p.target(nil), "available")
		require.NoError(t, err)
		s := time.Second
		assert.Equal(t, []time.Duration{0, s, 3 * s, 7 * s, 15 * s, 30 * s, 45 * s, 60 * s}, p.at)
	})
}

func TestForErrorStatus(t *testing.T) {
	t.Parallel()
	for _, status := range []string{"error", "error_restoring", "error_extending"} {
		t.Run(status, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				p := newPoller(status)
				v, err := wait.For(t.Context(), p.target(nil), "available")
				var se *rest.StatusError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, rest.StatusError{ID: "t1", Status: status, Reason: "waiting for available"}, *se)
				assert.Equal(t, &thing{status: status}, v, "the resource comes back too")
				assert.Len(t, p.at, 1, "no further polls")
			})
		})
	}
}

func TestForWantsError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p := newPoller("error")
		v, err := wait.For(t.Context(), p.target(nil), "error")
		require.NoError(t, err)
		assert.Equal(t, "error", v.status)
	})
}

func TestForDeadline(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p := newPoller("creating")
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		defer cancel()
		v, err := wait.For(ctx, p.target(nil), "available")
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Nil(t, v)
		assert.EqualError(t, err, `cinder: waiting for thing t1 to be available (last status "creating"): context deadline exceeded`)
		assert.Len(t, p.at, 4, "polls at 0, 1, 3 and 7 s")
	})
}

func TestForCanceledBeforeFirstPoll(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		get := func(ctx context.Context, _ string) (*thing, error) { return nil, ctx.Err() }
		_, err := wait.For(ctx, wait.Target[thing]{Kind: "thing", ID: "t1", Get: get,
			Status: func(t *thing) string { return t.status }}, "available")
		require.ErrorIs(t, err, context.Canceled)
		assert.Contains(t, err.Error(), `last status ""`)
	})
}

func TestForAPIError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p := newPoller("creating", "404")
		_, err := wait.For(t.Context(), p.target(nil), "available")
		require.ErrorIs(t, err, rest.ErrNotFound, "404 is an error while waiting for a status")
		var apiErr *rest.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, "itemNotFound", apiErr.Code)
		assert.NotContains(t, err.Error(), "waiting for", "API errors come back as they are")
	})
}

func TestGone(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p := newPoller("deleting", "deleting", "404")
		calls := 0
		err := wait.Gone(t.Context(), p.target(func(*thing) { calls++ }))
		require.NoError(t, err)
		assert.Equal(t, []time.Duration{0, time.Second, 3 * time.Second}, p.at)
		assert.Equal(t, 2, calls, "progress sees every poll that found the resource")
	})
}

func TestGoneErrorStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p := newPoller("deleting", "error_deleting")
		err := wait.Gone(t.Context(), p.target(nil))
		var se *rest.StatusError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, rest.StatusError{ID: "t1", Status: "error_deleting", Reason: "waiting for deletion"}, *se)
		assert.Len(t, p.at, 2)
	})
}

func TestGoneDeadline(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		p := newPoller("available")
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		err := wait.Gone(ctx, p.target(nil))
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.EqualError(t, err, `cinder: waiting for thing t1 to be deleted (last status "available"): context deadline exceeded`)
	})
}

func TestGoneOtherError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		boom := errors.New("boom")
		p := newPoller("deleting")
		p.err = boom
		err := wait.Gone(t.Context(), p.target(nil))
		require.ErrorIs(t, err, boom)
		assert.Len(t, p.at, 2)
	})
}
