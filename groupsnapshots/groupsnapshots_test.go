package groupsnapshots_test

import (
	"net/http"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/groupsnapshots"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_snapshots/" + gs1ID, Version: "3.70"},
		http.StatusOK, "groupsnapshots/get.json")
	s, err := c.GroupSnapshots.Get(t.Context(), gs1ID)
	require.NoError(t, err)
	assert.Equal(t, fixtureSnapshot(), *s)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetAt314(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.14")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_snapshots/" + gs1ID, Version: "3.14"},
		http.StatusOK, "groupsnapshots/get_v314.json")
	s, err := c.GroupSnapshots.Get(t.Context(), gs1ID)
	require.NoError(t, err)
	want := fixtureSnapshot()
	want.ProjectID = "" // since 3.58
	assert.Equal(t, want, *s)
}

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_snapshots/" + deadID}, http.StatusNotFound, "groupsnapshots/error_404.json")
	s, err := c.GroupSnapshots.Get(t.Context(), deadID)
	assert.Nil(t, s)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "GroupSnapshot "+deadID+" could not be found")
}

func TestCreate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "group_snapshots", Version: "3.70",
		Body: `{"group_snapshot":{"group_id":"` + g1ID + `","name":"grp-gs1","description":"nightly"}}`},
		http.StatusAccepted, "groupsnapshots/create.json")
	s, err := c.GroupSnapshots.Create(t.Context(), groupsnapshots.CreateRequest{GroupID: g1ID, Name: "grp-gs1", Description: "nightly"})
	require.NoError(t, err)
	assert.Equal(t, groupsnapshots.GroupSnapshot{ID: gs1ID, Name: "grp-gs1", GroupTypeID: gtID}, *s)
}

func TestCreateErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.GroupSnapshots.Create(t.Context(), groupsnapshots.CreateRequest{Name: "x"})
	require.ErrorContains(t, err, "needs a group ID")
	assert.Zero(t, mock.GetTotalCallCount())
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "group_snapshots",
		Body: `{"group_snapshot":{"group_id":"` + deadID + `"}}`}, http.StatusNotFound, "groupsnapshots/error_create_404.json")
	_, err = c.GroupSnapshots.Create(t.Context(), groupsnapshots.CreateRequest{GroupID: deadID})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "Group "+deadID+" could not be found")
}

func TestDelete(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "group_snapshots/" + gs1ID, Version: "3.70"}, http.StatusAccepted, "")
	require.NoError(t, c.GroupSnapshots.Delete(t.Context(), gs1ID))
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "group_snapshots/" + deadID}, http.StatusNotFound, "groupsnapshots/error_404.json")
	err := c.GroupSnapshots.Delete(t.Context(), deadID)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestResetStatus(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.19")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "group_snapshots/" + gs1ID + "/action", Version: "3.19",
		Body: `{"reset_status":{"status":"available"}}`}, http.StatusAccepted, "")
	require.NoError(t, c.GroupSnapshots.ResetStatus(t.Context(), gs1ID, groupsnapshots.StatusAvailable))
	require.ErrorContains(t, c.GroupSnapshots.ResetStatus(t.Context(), gs1ID, ""), "needs a status")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestResetStatusError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "group_snapshots/" + gs1ID + "/action",
		Body: `{"reset_status":{"status":"bogus"}}`}, http.StatusBadRequest, "groupsnapshots/error_reset_status.json")
	err := c.GroupSnapshots.ResetStatus(t.Context(), gs1ID, "bogus")
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Group snapshot status: bogus is invalid")
}

func TestWaitForStatus(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "group_snapshots/"+gs1ID, "groupsnapshots/create.json", "groupsnapshots/get.json")
		var n int
		s, err := c.GroupSnapshots.WaitForStatus(t.Context(), gs1ID, groupsnapshots.StatusAvailable,
			&groupsnapshots.WaitOptions{Progress: func(*groupsnapshots.GroupSnapshot) { n++ }})
		require.NoError(t, err)
		assert.Equal(t, fixtureSnapshot(), *s)
		assert.Equal(t, []time.Duration{0, time.Second}, at())
		assert.Equal(t, 2, n)
	})
}

func TestWaitForDeleted(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		at := testutil.Sequence(t, mock, "group_snapshots/"+gs1ID, "groupsnapshots/get.json", "groupsnapshots/error_404.json")
		require.NoError(t, c.GroupSnapshots.WaitForDeleted(t.Context(), gs1ID, nil))
		assert.Len(t, at(), 2)
	})
}

func TestWaitForStatusError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, mock := testutil.NewClient(t, "3.70")
		mock.RegisterResponder(http.MethodGet, testutil.URL("group_snapshots/"+gs1ID), func(*http.Request) (*http.Response, error) {
			return testutil.Respond(http.StatusOK, []byte(`{"group_snapshot": {"id": "`+gs1ID+`", "status": "error_deleting"}}`)), nil
		})
		err := c.GroupSnapshots.WaitForDeleted(t.Context(), gs1ID, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr)
		assert.Equal(t, cinder.StatusError{ID: gs1ID, Status: "error_deleting", Reason: "waiting for deletion"}, *serr)
	})
}
