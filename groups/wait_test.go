package groups_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/internal/testutil"
)

// The waiter's timing, error states and deadline are tested in
// internal/wait; these tests check the group wrappers on fixtures.

func TestWaitForStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "groups/"+g3ID, "groups/get_error.json", "groups/get_from_group.json")
		var seen []groups.Status
		g, err := c.Groups.WaitForStatus(t.Context(), g3ID, groups.StatusError,
			&groups.WaitOptions{Progress: func(g *groups.Group) { seen = append(seen, g.Status) }})
		require.NoError(t, err, "waiting for error itself is allowed")
		assert.Equal(t, groups.StatusError, g.Status)
		assert.Equal(t, []groups.Status{"error"}, seen)
		assert.Len(t, at(), 1)
	})
}

func TestWaitForStatusAvailable(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "groups/"+g1ID, "groups/create.json", "groups/get.json")
		g, err := c.Groups.WaitForStatus(t.Context(), g1ID, groups.StatusAvailable, nil)
		require.NoError(t, err)
		assert.Equal(t, fixtureGroup(), *g)
		assert.Equal(t, []time.Duration{0, time.Second}, at())
	})
}

func TestWaitForStatusError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Sequence(t, mock, "groups/"+g3ID, "groups/get_error.json")
		g, err := c.Groups.WaitForStatus(t.Context(), g3ID, groups.StatusAvailable, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, cinder.StatusError{ID: g3ID, Status: "error", Reason: "waiting for available"}, *serr)
		require.NotNil(t, g)
		assert.Equal(t, g3ID, g.ID)
		assert.Equal(t, 1, mock.GetTotalCallCount())
	})
}

func TestWaitForDeleted(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "groups/"+g1ID, "groups/get.json", "groups/error_404.json")
		require.NoError(t, c.Groups.WaitForDeleted(t.Context(), g1ID, nil))
		assert.Equal(t, []time.Duration{0, time.Second}, at())
	})
}

func TestWaitForDeletedError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Sequence(t, mock, "groups/"+g3ID, "groups/get_error.json")
		err := c.Groups.WaitForDeleted(t.Context(), g3ID, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, "error", serr.Status)
	})
}
