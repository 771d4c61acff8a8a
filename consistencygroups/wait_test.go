package consistencygroups_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/consistencygroups"
	"github.com/gocinder/cinder/internal/testutil"
)

// The waiter's timing, error states and deadline are tested in
// internal/wait; these tests check the consistency group wrappers on
// fixtures.

func TestWaitForStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "consistencygroups/"+g1ID, "consistencygroups/create.json", "consistencygroups/get.json")
		var seen []consistencygroups.Status
		g, err := c.ConsistencyGroups.WaitForStatus(t.Context(), g1ID, consistencygroups.StatusAvailable,
			&consistencygroups.WaitOptions{Progress: func(g *consistencygroups.ConsistencyGroup) { seen = append(seen, g.Status) }})
		require.NoError(t, err)
		assert.Equal(t, fixtureGroup(), *g)
		assert.Equal(t, []consistencygroups.Status{"", consistencygroups.StatusAvailable}, seen)
		assert.Equal(t, []time.Duration{0, time.Second}, at())
	})
}

func TestWaitForStatusError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Sequence(t, mock, "consistencygroups/"+cg0ID, "consistencygroups/get_error.json")
		g, err := c.ConsistencyGroups.WaitForStatus(t.Context(), cg0ID, consistencygroups.StatusAvailable, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, cinder.StatusError{ID: cg0ID, Status: "error", Reason: "waiting for available"}, *serr)
		require.NotNil(t, g)
		assert.Equal(t, consistencygroups.StatusError, g.Status)
		assert.Equal(t, 1, mock.GetTotalCallCount())
	})
}

func TestWaitForDeleted(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "consistencygroups/"+g1ID, "consistencygroups/get.json", "consistencygroups/error_404.json")
		require.NoError(t, c.ConsistencyGroups.WaitForDeleted(t.Context(), g1ID, nil))
		assert.Equal(t, []time.Duration{0, time.Second}, at())
	})
}

func TestWaitForDeletedError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Sequence(t, mock, "consistencygroups/"+cg0ID, "consistencygroups/get_error.json")
		err := c.ConsistencyGroups.WaitForDeleted(t.Context(), cg0ID, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, "error", serr.Status)
	})
}
