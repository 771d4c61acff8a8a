package volumes_test

import (
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/volumes"
)

// lossyClient: the emulator serves the first lose POST /volumes (the volume
// is created) and then drops the connection unanswered.
func lossyClient(t *testing.T, lose int) (*cindertest.Server, *cinder.Client) {
	t.Helper()
	srv, c := newEmu(t, cindertest.Options{})
	srv.Inject(cindertest.Fault{Method: "POST", Path: "/volumes", DropResponse: true, Times: lose})
	return srv, c
}

func countNamed(t *testing.T, c *cinder.Client, name string) int {
	t.Helper()
	all, err := cinder.Collect(c.Volumes.ListRefs(t.Context(), &volumes.ListOptions{Name: name}))
	require.NoError(t, err)
	return len(all)
}

// Without a client token, a create whose answer is lost after the server
// acted is a *MayExistError naming the volume — and is not sent again.
func TestCreateLostAnswerMayExist(t *testing.T) {
	t.Parallel()
	srv, c := lossyClient(t, 1)
	_, err := c.Volumes.Create(t.Context(), volumes.CreateRequest{Size: 1, Name: "lost-1"})
	var me *cinder.MayExistError
	require.ErrorAs(t, err, &me)
	assert.Equal(t, "volume", me.Kind)
	assert.Equal(t, "lost-1", me.Name)
	assert.Empty(t, me.Token)
	assert.ErrorIs(t, err, io.EOF)
	assert.Contains(t, err.Error(), `cinder: the volume "lost-1" may have been created: its answer was lost`)
	assert.Len(t, emuCalls(srv, "POST", "/volumes"), 1, "never replayed")
	assert.Equal(t, 1, countNamed(t, c, "lost-1"), "it does exist: the caller can find it by name")
}

// With a client token, the lost create is found by its token and returned:
// one POST, one volume, no error.
func TestCreateClientTokenRecoversLostAnswer(t *testing.T) {
	t.Parallel()
	srv, c := lossyClient(t, 1)
	md := map[string]string{"env": "test"}
	v, err := c.Volumes.Create(t.Context(), volumes.CreateRequest{Size: 1, Name: "tok-1", Metadata: md, ClientToken: "0b0e6c1e-tok-1"})
	require.NoError(t, err)
	assert.Equal(t, "tok-1", v.Name)
	assert.Equal(t, map[string]string{"env": "test", "gocinder_client_token": "0b0e6c1e-tok-1"}, v.Metadata)
	assert.Equal(t, map[string]string{"env": "test"}, md, "the caller's map is not touched")
	assert.Len(t, emuCalls(srv, "POST", "/volumes"), 1, "found, not created again")
	assert.Equal(t, 1, countNamed(t, c, "tok-1"))
}

// With a client token, a create that never reached the volume table (a
// 500 from the API) is sent again after the lookup finds nothing.
func TestCreateClientTokenRetriesWhenAbsent(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	srv.Inject(cindertest.Fault{Method: "POST", Path: "/volumes", Status: 500, Times: 2})
	v, err := c.Volumes.Create(t.Context(), volumes.CreateRequest{Size: 1, Name: "tok-2", ClientToken: "tok-2-token"})
	require.NoError(t, err)
	assert.Equal(t, "tok-2", v.Name)
	assert.Len(t, emuCalls(srv, "POST", "/volumes"), 3, "two lost, the third created it")
	assert.Equal(t, 1, countNamed(t, c, "tok-2"))

	// three 500s in a row: bounded, then "may exist" with the token
	srv.Inject(cindertest.Fault{Method: "POST", Path: "/volumes", Status: 500, Times: 3})
	_, err = c.Volumes.Create(t.Context(), volumes.CreateRequest{Size: 1, Name: "tok-3", ClientToken: "tok-3-token"})
	var me *cinder.MayExistError
	require.ErrorAs(t, err, &me)
	assert.Equal(t, "tok-3-token", me.Token)
	assert.Len(t, emuCalls(srv, "POST", "/volumes"), 6)
	assert.Equal(t, 0, countNamed(t, c, "tok-3"))
}
