package volumes_test

import (
	"errors"
	"github.com/gocinder/cinder/internal/testutil"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/volumes"
)

// The emulator tests run the exported API end to end against a fresh
// cindertest server per test: what the httpmock tests check on recorded
// fixtures, checked here as observable state changes.

// newEmu starts an emulator closed at the end of the test and returns it
// with an admin client at the emulator's highest microversion.
func newEmu(t *testing.T, o cindertest.Options) (*cindertest.Server, *cinder.Client) {
	t.Helper()
	srv := cindertest.NewServer(o)
	t.Cleanup(srv.Close)
	c, err := srv.Client(t.Context())
	require.NoError(t, err)
	return srv, c
}

// emuClient returns a client of user at microversion ("" negotiates).
func emuClient(t *testing.T, srv *cindertest.Server, user, microversion string) *cinder.Client {
	t.Helper()
	c, err := srv.ClientAs(t.Context(), user, cinder.Options{Microversion: microversion})
	require.NoError(t, err)
	return c
}

// emuVolume creates a volume and waits until it is available.
func emuVolume(t *testing.T, c *cinder.Client, r volumes.CreateRequest) *volumes.Volume {
	t.Helper()
	if r.Size == 0 && r.SnapshotID == "" && r.SourceVolID == "" && r.BackupID == "" {
		r.Size = 1
	}
	v, err := c.Volumes.Create(t.Context(), r)
	require.NoError(t, err)
	v, err = c.Volumes.WaitForStatus(t.Context(), v.ID, volumes.StatusAvailable, nil)
	require.NoError(t, err)
	return v
}

// emuGet returns the volume, which must exist.
func emuGet(t *testing.T, c *cinder.Client, id string) *volumes.Volume {
	t.Helper()
	v, err := c.Volumes.Get(t.Context(), id)
	require.NoError(t, err)
	return v
}

// emuSettle waits for the volume's transient status to end in want.
func emuSettle(t *testing.T, c *cinder.Client, id string, want volumes.Status) *volumes.Volume {
	t.Helper()
	v, err := c.Volumes.WaitForStatus(t.Context(), id, want, nil)
	require.NoError(t, err)
	return v
}

// emuCalls returns the logged requests of method whose path ends with suffix.
func emuCalls(srv *cindertest.Server, method, suffix string) []cindertest.Request {
	var out []cindertest.Request
	for _, r := range srv.Requests() {
		if r.Method == method && strings.HasSuffix(r.Path, suffix) {
			out = append(out, r)
		}
	}
	return out
}

// emuAPIError checks err is an *APIError matching sentinel, with a request
// id, and a message containing msg.
func emuAPIError(t *testing.T, err error, sentinel error, status int, msg string) *cinder.APIError {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, sentinel)
	var apiErr *cinder.APIError
	require.True(t, errors.As(err, &apiErr), "want *cinder.APIError, got %T: %v", err, err)
	assert.Equal(t, status, apiErr.StatusCode)
	assert.Contains(t, apiErr.Message, msg)
	assert.True(t, strings.HasPrefix(apiErr.RequestID, "req-"), "request id %q", apiErr.RequestID)
	return apiErr
}

// emuVersionError checks err is a *VersionError needing need and that the
// server saw no request since before (a count of srv.Requests()).
func emuVersionError(t *testing.T, srv *cindertest.Server, before int, err error, need string) {
	t.Helper()
	var verr *cinder.VersionError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, need, verr.Need.String())
	assert.Len(t, srv.Requests(), before, "nothing may be sent")
}

func TestEmulatorCreate(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 2, Name: "emu-create", Description: "d",
		Metadata: map[string]string{"k": "v"}})
	require.NoError(t, err)
	assert.Equal(t, volumes.StatusCreating, v.Status)
	assert.Equal(t, "emu-create", v.Name)
	assert.Equal(t, "d", v.Description)
	assert.Equal(t, 2, v.Size)
	assert.Equal(t, map[string]string{"k": "v"}, v.Metadata)
	assert.Equal(t, "__DEFAULT__", v.VolumeType)
	assert.Equal(t, "nova", v.AvailabilityZone)
	assert.False(t, v.CreatedAt.IsZero())
	assert.Len(t, v.Links, 2)

	got := emuSettle(t, c, v.ID, volumes.StatusAvailable)
	assert.Equal(t, v.ID, got.ID)
	assert.Equal(t, srv.ProjectID("admin"), got.TenantID)
	assert.Equal(t, 2, got.Size)
	assert.False(t, got.Bootable)
	assert.Equal(t, new(true), got.ConsumesQuota)
	assert.NotEmpty(t, got.VolumeTypeID)
	assert.Empty(t, got.Attachments)
	require.Len(t, emuCalls(srv, "POST", "/volumes"), 1)
	assert.Equal(t, "volume 3.71", emuCalls(srv, "POST", "/volumes")[0].Microversion)
}

func TestEmulatorCreateFromSources(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	src := emuVolume(t, c, volumes.CreateRequest{Size: 2, Name: "emu-src"})
	require.NoError(t, c.Volumes.SetBootable(ctx, src.ID, true))

	t.Run("snapshot", func(t *testing.T) {
		snap, err := c.Snapshots.Create(ctx, snapshots.CreateRequest{VolumeID: src.ID, Name: "emu-snap"})
		require.NoError(t, err)
		_, err = c.Snapshots.WaitForStatus(ctx, snap.ID, snapshots.StatusAvailable, nil)
		require.NoError(t, err)
		v := emuVolume(t, c, volumes.CreateRequest{SnapshotID: snap.ID})
		assert.Equal(t, snap.ID, v.SnapshotID)
		assert.Equal(t, 2, v.Size, "size comes from the snapshot")
		assert.True(t, v.Bootable, "bootable comes from the snapshot's volume")
		_, err = c.Volumes.Create(ctx, volumes.CreateRequest{SnapshotID: snap.ID, Size: 1})
		emuAPIError(t, err, cinder.ErrBadRequest, 400, "cannot be smaller than the snapshot size")
	})
	t.Run("clone", func(t *testing.T) {
		v := emuVolume(t, c, volumes.CreateRequest{SourceVolID: src.ID, Size: 3})
		assert.Equal(t, src.ID, v.SourceVolID)
		assert.Equal(t, 3, v.Size)
		assert.Equal(t, src.VolumeType, v.VolumeType)
		_, err := c.Volumes.Create(ctx, volumes.CreateRequest{SourceVolID: "9b7d9f0e-0000-4000-8000-00000000dead"})
		emuAPIError(t, err, cinder.ErrNotFound, 404, "could not be found")
	})
	t.Run("backup", func(t *testing.T) {
		b, err := c.Backups.Create(ctx, backups.CreateRequest{VolumeID: src.ID, Name: "emu-backup"})
		require.NoError(t, err)
		_, err = c.Backups.WaitForStatus(ctx, b.ID, backups.StatusAvailable, nil)
		require.NoError(t, err)
		emuSettle(t, c, src.ID, volumes.StatusAvailable)

		before := len(srv.Requests())
		_, err = testutil.At(t, c, "3.46").Volumes.Create(ctx, volumes.CreateRequest{BackupID: b.ID})
		emuVersionError(t, srv, before, err, "3.47")

		v := emuVolume(t, testutil.At(t, c, "3.47"), volumes.CreateRequest{BackupID: b.ID, Name: "emu-from-backup"})
		assert.Equal(t, 2, v.Size, "size comes from the backup")
		assert.Equal(t, "emu-from-backup", v.Name)
	})
}

func TestEmulatorCreateOptions(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	other := emuVolume(t, c, volumes.CreateRequest{Name: "emu-neighbour"})

	v := emuVolume(t, c, volumes.CreateRequest{Name: "emu-hinted", SchedulerHints: &volumes.SchedulerHints{
		SameHost: []string{other.ID}, Extra: map[string]any{"emu_hint": "x"}}})
	assert.Equal(t, other.Host, v.Host)

	before := len(srv.Requests())
	_, err := testutil.At(t, c, "3.12").Volumes.Create(ctx, volumes.CreateRequest{Size: 1,
		GroupID: "9b7d9f0e-0000-4000-8000-00000000beef"})
	emuVersionError(t, srv, before, err, "3.13")
	_, err = testutil.At(t, c, "3.13").Volumes.Create(ctx, volumes.CreateRequest{Size: 1,
		GroupID: "9b7d9f0e-0000-4000-8000-00000000beef"})
	emuAPIError(t, err, cinder.ErrNotFound, 404, "Group 9b7d9f0e-0000-4000-8000-00000000beef could not be found.")

	_, err = c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, VolumeType: "emu-no-such-type"})
	emuAPIError(t, err, cinder.ErrNotFound, 404, "Volume type with name emu-no-such-type could not be found.")
	_, err = c.Volumes.Create(ctx, volumes.CreateRequest{Name: "emu-size-0"})
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "")

	n, err := c.Volumes.Count(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, n, "the refused creates left nothing behind")
}

func TestEmulatorCreateOverQuota(t *testing.T) {
	t.Parallel()
	_, c := newEmu(t, cindertest.Options{Quotas: cindertest.Quotas{Volumes: 2, Gigabytes: 5}})
	ctx := t.Context()
	emuVolume(t, c, volumes.CreateRequest{Size: 1})
	_, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 5})
	apiErr := emuAPIError(t, err, cinder.ErrOverLimit, 413, "VolumeSizeExceedsAvailableQuota")
	assert.Equal(t, "overLimit", apiErr.Code)
	emuVolume(t, c, volumes.CreateRequest{Size: 1})
	_, err = c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1})
	emuAPIError(t, err, cinder.ErrOverLimit, 413, "Maximum number of volumes allowed (2) exceeded for quota 'volumes'.")
}

func TestEmulatorGet(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{Name: "emu-get"})
	got := emuGet(t, c, v.ID)
	assert.Equal(t, *v, *got)
	assert.NotEmpty(t, got.Host, "admin sees the host")

	const missing = "9b7d9f0e-0000-4000-8000-00000000dead"
	_, err := c.Volumes.Get(ctx, missing)
	apiErr := emuAPIError(t, err, cinder.ErrNotFound, 404, "Volume "+missing+" could not be found.")
	assert.Equal(t, "itemNotFound", apiErr.Code)
	assert.Equal(t, "GET", apiErr.Method)

	demo := emuClient(t, srv, "demo", "")
	_, err = demo.Volumes.Get(ctx, v.ID)
	emuAPIError(t, err, cinder.ErrNotFound, 404, "could not be found")
	mine := emuVolume(t, demo, volumes.CreateRequest{Name: "emu-demo"})
	assert.Empty(t, mine.Host, "a non-admin does not see the host")
	assert.Equal(t, srv.ProjectID("demo"), mine.TenantID)
}

func TestEmulatorUpdate(t *testing.T) {
	t.Parallel()
	_, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{Name: "emu-old", Description: "old", Metadata: map[string]string{"a": "1"}})

	got, err := c.Volumes.Update(ctx, v.ID, volumes.UpdateRequest{Name: new("emu-new")})
	require.NoError(t, err)
	assert.Equal(t, "emu-new", got.Name)
	assert.Equal(t, "old", got.Description, "nil fields are left as they are")
	assert.Equal(t, map[string]string{"a": "1"}, got.Metadata)

	got, err = c.Volumes.Update(ctx, v.ID, volumes.UpdateRequest{Description: new(""), Metadata: map[string]string{"b": "2"}})
	require.NoError(t, err)
	assert.Equal(t, "emu-new", got.Name)
	assert.Empty(t, got.Description)
	assert.Equal(t, map[string]string{"b": "2"}, got.Metadata, "metadata is replaced")
	assert.True(t, got.UpdatedAt.After(v.CreatedAt) || got.UpdatedAt.Equal(v.CreatedAt))

	stored := emuGet(t, c, v.ID)
	assert.Equal(t, "emu-new", stored.Name)
	assert.Equal(t, map[string]string{"b": "2"}, stored.Metadata)

	_, err = c.Volumes.Update(ctx, "9b7d9f0e-0000-4000-8000-00000000dead", volumes.UpdateRequest{Name: new("x")})
	emuAPIError(t, err, cinder.ErrNotFound, 404, "could not be found")
	_, err = c.Volumes.Update(ctx, v.ID, volumes.UpdateRequest{})
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "is not valid under any of the given schemas")
}

func TestEmulatorDelete(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()

	t.Run("plain", func(t *testing.T) {
		v := emuVolume(t, c, volumes.CreateRequest{Name: "emu-del"})
		require.NoError(t, c.Volumes.Delete(ctx, v.ID, nil))
		require.NoError(t, c.Volumes.WaitForDeleted(ctx, v.ID, nil))
		_, err := c.Volumes.Get(ctx, v.ID)
		emuAPIError(t, err, cinder.ErrNotFound, 404, "could not be found")
		err = c.Volumes.Delete(ctx, v.ID, nil)
		emuAPIError(t, err, cinder.ErrNotFound, 404, "could not be found")
	})
	t.Run("cascade", func(t *testing.T) {
		v := emuVolume(t, c, volumes.CreateRequest{Name: "emu-del-cascade"})
		snap, err := c.Snapshots.Create(ctx, snapshots.CreateRequest{VolumeID: v.ID})
		require.NoError(t, err)
		_, err = c.Snapshots.WaitForStatus(ctx, snap.ID, snapshots.StatusAvailable, nil)
		require.NoError(t, err)

		err = c.Volumes.Delete(ctx, v.ID, nil)
		emuAPIError(t, err, cinder.ErrBadRequest, 400, "have snapshots")
		require.NoError(t, c.Volumes.Delete(ctx, v.ID, &volumes.DeleteOptions{Cascade: true}))
		require.NoError(t, c.Volumes.WaitForDeleted(ctx, v.ID, nil))
		_, err = c.Snapshots.Get(ctx, snap.ID)
		assert.ErrorIs(t, err, cinder.ErrNotFound, "the snapshot went with the volume")
		calls := emuCalls(srv, "DELETE", "/volumes/"+v.ID)
		require.Len(t, calls, 2)
		assert.Equal(t, "cascade=true", calls[1].Query)
	})
	t.Run("force", func(t *testing.T) {
		v := emuVolume(t, c, volumes.CreateRequest{Name: "emu-del-force"})
		require.NoError(t, c.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{Status: volumes.StatusMaintenance}))
		err := c.Volumes.Delete(ctx, v.ID, nil)
		emuAPIError(t, err, cinder.ErrBadRequest, 400, "Volume status must be available or error")

		before := len(srv.Requests())
		err = testutil.At(t, c, "3.22").Volumes.Delete(ctx, v.ID, &volumes.DeleteOptions{Force: true})
		emuVersionError(t, srv, before, err, "3.23")

		demo := emuClient(t, srv, "demo", "")
		dv := emuVolume(t, demo, volumes.CreateRequest{Name: "emu-demo-force"})
		err = demo.Volumes.Delete(ctx, dv.ID, &volumes.DeleteOptions{Force: true})
		emuAPIError(t, err, cinder.ErrForbidden, 403, "Policy doesn't allow volume:force_delete to be performed.")
		assert.Equal(t, volumes.StatusAvailable, emuGet(t, demo, dv.ID).Status)

		require.NoError(t, testutil.At(t, c, "3.23").Volumes.Delete(ctx, v.ID, &volumes.DeleteOptions{Force: true}))
		require.NoError(t, c.Volumes.WaitForDeleted(ctx, v.ID, nil))
		calls := emuCalls(srv, "DELETE", "/volumes/"+v.ID)
		assert.Equal(t, "force=true", calls[len(calls)-1].Query)
		assert.Equal(t, "volume 3.23", calls[len(calls)-1].Microversion)
	})
}

func TestEmulatorSummary(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	emuVolume(t, c, volumes.CreateRequest{Size: 2, Metadata: map[string]string{"tier": "gold"}})
	emuVolume(t, c, volumes.CreateRequest{Size: 3, Metadata: map[string]string{"tier": "silver"}})
	demo := emuClient(t, srv, "demo", "")
	emuVolume(t, demo, volumes.CreateRequest{Size: 4})

	before := len(srv.Requests())
	_, err := testutil.At(t, c, "3.11").Volumes.Summary(ctx, false)
	emuVersionError(t, srv, before, err, "3.12")

	s, err := testutil.At(t, c, "3.12").Volumes.Summary(ctx, false)
	require.NoError(t, err)
	assert.Equal(t, volumes.Summary{TotalCount: 2, TotalSize: 5}, *s, "no metadata before 3.36")

	s, err = c.Volumes.Summary(ctx, false)
	require.NoError(t, err)
	assert.Equal(t, 2, s.TotalCount)
	assert.Equal(t, 5, s.TotalSize)
	require.Contains(t, s.Metadata, "tier")
	assert.ElementsMatch(t, []string{"gold", "silver"}, s.Metadata["tier"])

	s, err = c.Volumes.Summary(ctx, true)
	require.NoError(t, err)
	assert.Equal(t, 3, s.TotalCount, "all tenants")
	assert.Equal(t, 9, s.TotalSize)

	s, err = demo.Volumes.Summary(ctx, false)
	require.NoError(t, err)
	assert.Equal(t, 1, s.TotalCount)
	assert.Equal(t, 4, s.TotalSize)
}
