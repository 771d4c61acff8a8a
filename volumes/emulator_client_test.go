package volumes_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/volumes"
)

func TestEmulatorWaitForStatus(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{CreateDelay: 200 * time.Millisecond, Capacity: 10})
	ctx := t.Context()
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1})
	require.NoError(t, err)

	var seen []volumes.Status
	got, err := c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable,
		&volumes.WaitOptions{Progress: func(v *volumes.Volume) { seen = append(seen, v.Status) }})
	require.NoError(t, err)
	assert.Equal(t, volumes.StatusAvailable, got.Status)
	assert.Equal(t, []volumes.Status{volumes.StatusCreating, volumes.StatusAvailable}, seen, "one poll a second")
	assert.Len(t, emuCalls(srv, "GET", "/volumes/"+v.ID), 2)

	t.Run("error status", func(t *testing.T) {
		big, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 20}) // more than the backend holds
		require.NoError(t, err)
		got, err := c.Volumes.WaitForStatus(ctx, big.ID, volumes.StatusAvailable, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, big.ID, serr.ID)
		assert.Equal(t, "error", serr.Status)
		require.NotNil(t, got)
		assert.Equal(t, volumes.StatusError, got.Status)
	})
	t.Run("deadline", func(t *testing.T) {
		slow, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1})
		require.NoError(t, err)
		short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
		defer cancel()
		_, err = c.Volumes.WaitForStatus(short, slow.ID, volumes.StatusAvailable, nil)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Contains(t, err.Error(), `last status "creating"`)
	})
	t.Run("missing", func(t *testing.T) {
		_, err := c.Volumes.WaitForStatus(ctx, "9b7d9f0e-0000-4000-8000-00000000dead", volumes.StatusAvailable, nil)
		emuAPIError(t, err, cinder.ErrNotFound, 404, "could not be found")
	})
}

func TestEmulatorWaitForDeleted(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{CreateDelay: 200 * time.Millisecond})
	ctx := t.Context()
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1})
	require.NoError(t, err)
	require.NoError(t, c.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{Status: volumes.StatusAvailable}))
	require.NoError(t, c.Volumes.Delete(ctx, v.ID, nil))

	var seen []volumes.Status
	err = c.Volumes.WaitForDeleted(ctx, v.ID, &volumes.WaitOptions{Progress: func(v *volumes.Volume) { seen = append(seen, v.Status) }})
	require.NoError(t, err)
	assert.Equal(t, []volumes.Status{volumes.StatusDeleting}, seen)
	calls := emuCalls(srv, "GET", "/volumes/"+v.ID)
	require.Len(t, calls, 2)
	assert.Equal(t, 404, calls[1].Status)

	t.Run("error deleting", func(t *testing.T) {
		stuck, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1})
		require.NoError(t, err)
		require.NoError(t, c.Volumes.ResetStatus(ctx, stuck.ID, volumes.ResetStatusRequest{Status: volumes.StatusErrorDeleting}))
		err = c.Volumes.WaitForDeleted(ctx, stuck.ID, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, "error_deleting", serr.Status)
	})
}

func TestEmulatorFind(t *testing.T) {
	t.Parallel()
	_, c := newEmu(t, cindertest.Options{MaxLimit: 1})
	ctx := t.Context()
	one := emuVolume(t, c, volumes.CreateRequest{Name: "emu-one"})
	a := emuVolume(t, c, volumes.CreateRequest{Name: "emu-twin"})
	b := emuVolume(t, c, volumes.CreateRequest{Name: "emu-twin"})
	emuVolume(t, c, volumes.CreateRequest{Name: "emu-one-more"})

	got, err := c.Volumes.Find(ctx, one.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, *one, *got)
	got, err = c.Volumes.Find(ctx, "emu-one", nil)
	require.NoError(t, err)
	assert.Equal(t, one.ID, got.ID, "exact name only")

	_, err = c.Volumes.Find(ctx, "emu-twin", nil)
	var amb *cinder.AmbiguousError
	require.ErrorAs(t, err, &amb)
	assert.Equal(t, "emu-twin", amb.Name)
	assert.ElementsMatch(t, []string{a.ID, b.ID}, amb.IDs, "found across pages of one")

	_, err = c.Volumes.Find(ctx, "emu-none", nil)
	assert.ErrorIs(t, err, cinder.ErrNotFound)
	var apiErr *cinder.APIError
	assert.False(t, errors.As(err, &apiErr), "no match is not an API error")
	_, err = c.Volumes.Find(ctx, "", nil)
	require.Error(t, err)
}

func TestEmulatorRetryGet(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{})
	path := "/volumes/" + v.ID

	srv.Inject(cindertest.Fault{Method: "GET", Path: path, Status: 503, RetryAfter: "0", Times: 1})
	got, err := c.Volumes.Get(ctx, v.ID)
	require.NoError(t, err)
	assert.Equal(t, v.ID, got.ID)
	calls := emuCalls(srv, "GET", path)
	require.GreaterOrEqual(t, len(calls), 2)
	assert.Equal(t, []int{503, 200}, []int{calls[len(calls)-2].Status, calls[len(calls)-1].Status})

	srv.Inject(cindertest.Fault{Method: "GET", Path: path, Drop: true, Times: 1})
	got, err = c.Volumes.Get(ctx, v.ID)
	require.NoError(t, err)
	assert.Equal(t, v.ID, got.ID)
	calls = emuCalls(srv, "GET", path)
	assert.Equal(t, []int{0, 200}, []int{calls[len(calls)-2].Status, calls[len(calls)-1].Status}, "dropped, then served")

	srv.Inject(cindertest.Fault{Method: "GET", Path: path, Status: 503, RetryAfter: "0"})
	before := len(emuCalls(srv, "GET", path))
	_, err = c.Volumes.Get(ctx, v.ID)
	emuAPIError(t, err, cinder.ErrServiceUnavailable, 503, "injected")
	assert.Len(t, emuCalls(srv, "GET", path), before+3, "three attempts, then the error")
}

func TestEmulatorCreateRetriedOnlyWhenNotActed(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	// a 503 proves the server did not act: the POST is replayed
	srv.Inject(cindertest.Fault{Method: "POST", Path: "/volumes", Status: 503, RetryAfter: "0", Times: 1})
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, Name: "emu-once"})
	require.NoError(t, err)
	require.Len(t, emuCalls(srv, "POST", "/volumes"), 2, "the POST refused with 503 is sent again")
	all, err := cinder.Collect(c.Volumes.ListRefs(ctx, &volumes.ListOptions{Name: "emu-once"}))
	require.NoError(t, err)
	require.Len(t, all, 1, "exactly one volume exists")
	assert.Equal(t, v.ID, all[0].ID)

	// a 504 may come after the backend acted: never replayed, reported as "may exist"
	srv.Inject(cindertest.Fault{Method: "POST", Path: "/volumes", Status: 504, Times: 1})
	_, err = c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, Name: "emu-504"})
	var me *cinder.MayExistError
	require.ErrorAs(t, err, &me)
	assert.Equal(t, "emu-504", me.Name)
	assert.NotEmpty(t, me.RequestID)
	emuAPIError(t, err, cinder.ErrServer, 504, "")
	assert.Len(t, emuCalls(srv, "POST", "/volumes"), 3)
}

func TestEmulatorReauth(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{})
	path := "/volumes/" + v.ID

	srv.RevokeAll()
	got, err := c.Volumes.Get(ctx, v.ID)
	require.NoError(t, err, "one reauth and replay on 401")
	assert.Equal(t, v.ID, got.ID)
	calls := emuCalls(srv, "GET", path)
	require.GreaterOrEqual(t, len(calls), 2)
	assert.Equal(t, []int{401, 200}, []int{calls[len(calls)-2].Status, calls[len(calls)-1].Status})
	tokens := emuCalls(srv, "POST", "/auth/tokens")
	assert.GreaterOrEqual(t, len(tokens), 2, "a new token was issued")

	srv.RevokeAll()
	require.NoError(t, c.Volumes.Extend(ctx, v.ID, 2), "a POST is replayed after a 401 too: it was refused unseen")
	assert.Equal(t, 2, emuSettle(t, c, v.ID, volumes.StatusAvailable).Size)
}
