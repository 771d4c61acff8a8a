package cgsnapshots_test

import (
	"net/http"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cgsnapshots"
	"github.com/gocinder/cinder/internal/testutil"
)

// The waiter's timing, error states and deadline are tested in
// internal/wait; these tests check the cgsnapshot wrappers on fixtures.

func TestWaitForStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "cgsnapshots/"+cgs1ID, "cgsnapshots/create.json", "cgsnapshots/get.json")
		var seen []cgsnapshots.Status
		s, err := c.CGSnapshots.WaitForStatus(t.Context(), cgs1ID, cgsnapshots.StatusAvailable,
			&cgsnapshots.WaitOptions{Progress: func(s *cgsnapshots.CGSnapshot) { seen = append(seen, s.Status) }})
		require.NoError(t, err)
		assert.Equal(t, fixtureSnapshot(), *s)
		assert.Equal(t, []cgsnapshots.Status{"", cgsnapshots.StatusAvailable}, seen)
		assert.Equal(t, []time.Duration{0, time.Second}, at())
	})
}

func TestWaitForDeleted(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "cgsnapshots/"+cgs1ID, "cgsnapshots/get.json", "cgsnapshots/error_404.json")
		require.NoError(t, c.CGSnapshots.WaitForDeleted(t.Context(), cgs1ID, nil))
		assert.Equal(t, []time.Duration{0, time.Second}, at())
	})
}

func TestWaitForDeletedError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		mock.RegisterResponder(http.MethodGet, testutil.URL("cgsnapshots/"+cgs1ID), func(*http.Request) (*http.Response, error) {
			return testutil.Respond(http.StatusOK, []byte(`{"cgsnapshot": {"id": "`+cgs1ID+`", "status": "error_deleting"}}`)), nil
		})
		err := c.CGSnapshots.WaitForDeleted(t.Context(), cgs1ID, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, "error_deleting", serr.Status)
	})
}
