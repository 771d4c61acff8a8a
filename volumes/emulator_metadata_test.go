package volumes_test

import (
	"github.com/gocinder/cinder/internal/testutil"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
)

func TestEmulatorMetadata(t *testing.T) {
	t.Parallel()
	_, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{Metadata: map[string]string{"a": "1"}})

	md, err := c.Volumes.Metadata(ctx, v.ID)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"a": "1"}, md)

	md, err = c.Volumes.SetMetadata(ctx, v.ID, map[string]string{"b": "2", "a": "one"})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"a": "one", "b": "2"}, md, "set merges")

	md, err = c.Volumes.ReplaceMetadata(ctx, v.ID, map[string]string{"c": "3"})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"c": "3"}, md, "replace drops the rest")

	require.NoError(t, c.Volumes.SetMetadataItem(ctx, v.ID, "d", "4"))
	val, err := c.Volumes.MetadataItem(ctx, v.ID, "d")
	require.NoError(t, err)
	assert.Equal(t, "4", val)

	require.NoError(t, c.Volumes.DeleteMetadataItem(ctx, v.ID, "c"))
	_, err = c.Volumes.MetadataItem(ctx, v.ID, "c")
	emuAPIError(t, err, cinder.ErrNotFound, 404, "Volume "+v.ID+" has no metadata with key c.")
	err = c.Volumes.DeleteMetadataItem(ctx, v.ID, "c")
	emuAPIError(t, err, cinder.ErrNotFound, 404, "has no metadata with key c")
	assert.Equal(t, map[string]string{"d": "4"}, emuGet(t, c, v.ID).Metadata)

	md, err = c.Volumes.ReplaceMetadata(ctx, v.ID, nil)
	require.NoError(t, err)
	assert.Empty(t, md)
	md, err = c.Volumes.Metadata(ctx, v.ID)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{}, md)

	_, err = c.Volumes.Metadata(ctx, "9b7d9f0e-0000-4000-8000-00000000dead")
	emuAPIError(t, err, cinder.ErrNotFound, 404, "could not be found")
}

func TestEmulatorMetadataETag(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{Metadata: map[string]string{"a": "1"}})

	before := len(srv.Requests())
	_, _, err := testutil.At(t, c, "3.14").Volumes.MetadataWithETag(ctx, v.ID)
	emuVersionError(t, srv, before, err, "3.15")
	_, err = testutil.At(t, c, "3.14").Volumes.ReplaceMetadataIfMatch(ctx, v.ID, nil, "x")
	emuVersionError(t, srv, before, err, "3.15")
	_, err = c.Volumes.ReplaceMetadataIfMatch(ctx, v.ID, nil, "")
	require.Error(t, err)
	assert.Len(t, srv.Requests(), before, "an empty ETag is refused before sending")

	md, etag, err := c.Volumes.MetadataWithETag(ctx, v.ID)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"a": "1"}, md)
	require.NotEmpty(t, etag)
	_, etag2, err := c.Volumes.MetadataWithETag(ctx, v.ID)
	require.NoError(t, err)
	assert.Equal(t, etag, etag2, "the ETag depends on the metadata only")

	md, err = c.Volumes.ReplaceMetadataIfMatch(ctx, v.ID, map[string]string{"b": "2"}, etag)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"b": "2"}, md)

	_, err = c.Volumes.ReplaceMetadataIfMatch(ctx, v.ID, map[string]string{"c": "3"}, etag)
	apiErr := emuAPIError(t, err, cinder.ErrPrecondition, 412, "")
	assert.Equal(t, "PUT", apiErr.Method)
	md, err = c.Volumes.Metadata(ctx, v.ID)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"b": "2"}, md, "a stale ETag changes nothing")
}

func TestEmulatorDeleteMetadata(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{Metadata: map[string]string{"a": "1", "b": "2", "c": "3", "d": "4"}})
	mdPath := "/volumes/" + v.ID + "/metadata"
	require.NoError(t, c.Volumes.DeleteMetadata(ctx, v.ID))

	t.Run("3.14 key by key", func(t *testing.T) {
		before := len(srv.Requests())
		require.NoError(t, testutil.At(t, c, "3.14").Volumes.DeleteMetadata(ctx, v.ID, "a", "b"))
		assert.Equal(t, []string{
			"DELETE " + mdPath + "/a volume 3.14",
			"DELETE " + mdPath + "/b volume 3.14",
		}, emuTail(srv.Requests()[before:], mdPath))
		before = len(srv.Requests())
		err := testutil.At(t, c, "3.14").Volumes.DeleteMetadata(ctx, v.ID, "zz")
		emuAPIError(t, err, cinder.ErrNotFound, 404, "has no metadata with key zz")
		assert.Len(t, srv.Requests(), before+1)
	})
	t.Run("3.15 read then write under If-Match", func(t *testing.T) {
		before := len(srv.Requests())
		require.NoError(t, testutil.At(t, c, "3.15").Volumes.DeleteMetadata(ctx, v.ID, "c", "zz"))
		assert.Equal(t, []string{"GET " + mdPath + " volume 3.15", "PUT " + mdPath + " volume 3.15"},
			emuTail(srv.Requests()[before:], mdPath))
		md, err := c.Volumes.Metadata(ctx, v.ID)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"d": "4"}, md)

		before = len(srv.Requests())
		require.NoError(t, testutil.At(t, c, "3.15").Volumes.DeleteMetadata(ctx, v.ID, "zz"))
		assert.Equal(t, []string{"GET " + mdPath + " volume 3.15"}, emuTail(srv.Requests()[before:], mdPath),
			"nothing to delete: no write")
	})
	t.Run("3.15 lost update", func(t *testing.T) {
		// The PUT is held back until a concurrent change has landed.
		srv.Inject(cindertest.Fault{Method: "PUT", Path: mdPath, Latency: 300 * time.Millisecond, Times: 1})
		before := len(emuCalls(srv, "GET", mdPath))
		done := make(chan error, 1)
		go func() { done <- c.Volumes.DeleteMetadata(ctx, v.ID, "d") }()
		require.Eventually(t, func() bool { return len(emuCalls(srv, "GET", mdPath)) > before },
			5*time.Second, time.Millisecond)
		require.NoError(t, c.Volumes.SetMetadataItem(ctx, v.ID, "e", "5"))
		err := <-done
		emuAPIError(t, err, cinder.ErrPrecondition, 412, "")
		md, err := c.Volumes.Metadata(ctx, v.ID)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"d": "4", "e": "5"}, md, "the concurrent change survives")
	})
}

// emuTail renders the requests on path or below it as "METHOD path version",
// path starting at path's beginning.
func emuTail(reqs []cindertest.Request, path string) []string {
	var out []string
	for _, r := range reqs {
		if i := strings.Index(r.Path, path); i >= 0 {
			out = append(out, r.Method+" "+r.Path[i:]+" "+r.Microversion)
		}
	}
	return out
}

func TestEmulatorManage(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	const host = "emulator@lvm#pool"

	before := len(srv.Requests())
	_, err := cinder.Collect(testutil.At(t, c, "3.7").Volumes.ListManageable(ctx, &volumes.ManageableListOptions{Host: host}))
	emuVersionError(t, srv, before, err, "3.8")
	_, err = cinder.Collect(testutil.At(t, c, "3.16").Volumes.ListManageable(ctx, &volumes.ManageableListOptions{Cluster: "emulator"}))
	emuVersionError(t, srv, before, err, "3.17")
	_, err = testutil.At(t, c, "3.15").Volumes.Manage(ctx, volumes.ManageRequest{Cluster: "emulator",
		Ref: map[string]string{"source-name": "emu-unmanaged-1"}})
	emuVersionError(t, srv, before, err, "3.16")
	_, err = cinder.Collect(c.Volumes.ListManageable(ctx, &volumes.ManageableListOptions{}))
	require.Error(t, err)
	_, err = c.Volumes.Manage(ctx, volumes.ManageRequest{Host: host})
	require.Error(t, err)
	assert.Len(t, srv.Requests(), before, "incomplete requests are refused before sending")

	list, err := cinder.Collect(testutil.At(t, c, "3.8").Volumes.ListManageable(ctx, &volumes.ManageableListOptions{Host: host}))
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, volumes.Manageable{Reference: map[string]any{"source-name": "emu-unmanaged-1"}, Size: 1,
		SafeToManage: true}, list[0])

	demo := emuClient(t, srv, "demo", "")
	_, err = cinder.Collect(demo.Volumes.ListManageable(ctx, &volumes.ManageableListOptions{Host: host}))
	emuAPIError(t, err, cinder.ErrForbidden, 403, "volume_extension:list_manageable")
	_, err = demo.Volumes.Manage(ctx, volumes.ManageRequest{Host: host, Ref: map[string]string{"source-name": "emu-unmanaged-1"}})
	emuAPIError(t, err, cinder.ErrForbidden, 403, "volume_extension:volume_manage")

	v, err := testutil.At(t, c, "3.8").Volumes.Manage(ctx, volumes.ManageRequest{Host: host, Name: "emu-managed",
		Ref: map[string]string{"source-name": "emu-unmanaged-1"}, Metadata: map[string]string{"k": "v"}, Bootable: true})
	require.NoError(t, err)
	assert.Equal(t, "emu-managed", v.Name)
	assert.Equal(t, map[string]string{"k": "v"}, v.Metadata)
	calls := emuCalls(srv, "POST", "/manageable_volumes")
	assert.Equal(t, 202, calls[len(calls)-1].Status)
	assert.Equal(t, "volume 3.8", calls[len(calls)-1].Microversion)
	got := emuSettle(t, c, v.ID, volumes.StatusAvailable)
	assert.Equal(t, 1, got.Size, "the backend volume's size")
	assert.True(t, got.Bootable)
	list, err = cinder.Collect(c.Volumes.ListManageable(ctx, &volumes.ManageableListOptions{Host: host}))
	require.NoError(t, err)
	assert.False(t, list[0].SafeToManage, "now managed")

	legacy, err := testutil.At(t, c, "3.7").Volumes.Manage(ctx, volumes.ManageRequest{Host: host,
		Ref: map[string]string{"source-name": "emu-unmanaged-2"}})
	require.NoError(t, err)
	assert.Len(t, emuCalls(srv, "POST", "/os-volume-manage"), 1, "the legacy path below 3.8")
	assert.Equal(t, 2, emuSettle(t, c, legacy.ID, volumes.StatusAvailable).Size)

	t.Run("answer", func(t *testing.T) {
		v, err := c.Volumes.Manage(ctx, volumes.ManageRequest{Host: host, Ref: map[string]string{"source-name": "emu-other"}})
		require.NoError(t, err)
		assert.Equal(t, volumes.StatusCreating, v.Status)
		assert.Zero(t, v.Size)
	})
}

func TestEmulatorEncryptionMetadata(t *testing.T) {
	t.Parallel()
	_, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	plain := emuVolume(t, c, volumes.CreateRequest{})
	em, err := c.Volumes.EncryptionMetadata(ctx, plain.ID)
	require.NoError(t, err)
	assert.Equal(t, volumes.EncryptionMetadata{}, *em)

	luks, err := c.Types.Create(ctx, types.CreateRequest{Name: "emu-luks"})
	require.NoError(t, err)
	_, err = c.Types.CreateEncryption(ctx, luks.ID, types.CreateEncryptionRequest{Provider: "luks",
		ControlLocation: types.FrontEnd, Cipher: "aes-xts-plain64", KeySize: 256})
	require.NoError(t, err)
	enc := emuVolume(t, c, volumes.CreateRequest{VolumeType: "emu-luks"})
	assert.True(t, enc.Encrypted)
	require.NotEmpty(t, enc.EncryptionKeyID)
	em, err = c.Volumes.EncryptionMetadata(ctx, enc.ID)
	require.NoError(t, err)
	assert.Equal(t, volumes.EncryptionMetadata{EncryptionKeyID: enc.EncryptionKeyID, ControlLocation: "front-end",
		Cipher: "aes-xts-plain64", KeySize: 256, Provider: "luks"}, *em)

	_, err = c.Volumes.EncryptionMetadata(ctx, "9b7d9f0e-0000-4000-8000-00000000dead")
	emuAPIError(t, err, cinder.ErrNotFound, 404, "could not be found")
}
