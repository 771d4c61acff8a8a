package testutil

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/volumes"
)

// RetryLocked calls f until it succeeds or fails with something other than
// a server error, at most 5 times, 2 s apart: the shared test cloud's
// sqlite database sometimes answers a write with 500 "database is locked".
// For recorders driving a real cloud only; unit tests never sleep.
func RetryLocked[T any](ctx context.Context, f func() (T, error)) (T, error) {
	for i := 0; ; i++ {
		v, err := f()
		if i == 4 || !errors.Is(err, cinder.ErrServer) {
			return v, err
		}
		select {
		case <-ctx.Done():
			return v, err
		case <-time.After(2 * time.Second):
		}
	}
}

// LiveVolume creates a 1 GiB volume on a real cloud, waits until it is
// available and deletes it when the test ends (back to "available" first,
// forced if need be).
func LiveVolume(t testing.TB, ctx context.Context, c *cinder.Client, name string) *volumes.Volume {
	t.Helper()
	v, err := RetryLocked(ctx, func() (*volumes.Volume, error) {
		return c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, Name: name})
	})
	require.NoError(t, err)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
		defer cancel()
		_ = c.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{Status: volumes.StatusAvailable, AttachStatus: volumes.AttachStatusDetached})
		if c.Volumes.Delete(ctx, v.ID, nil) != nil {
			_ = c.Volumes.ForceDelete(ctx, v.ID)
		}
		if err := c.Volumes.WaitForDeleted(ctx, v.ID, nil); err != nil {
			t.Logf("volume %s (%s) left behind: %v", name, v.ID, err)
		}
	})
	v, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
	require.NoError(t, err)
	return v
}

// LiveProject makes a throwaway Keystone project, named name plus the time,
// in which the OS_* user is admin (with the openstack CLI), and returns the
// Auth for it; the project is deleted when the test ends, so call it
// before making anything in it. A recorder working there is independent of
// the shared projects' quotas and of other engineers' resources.
func LiveProject(t testing.TB, ctx context.Context, name string) cinder.Auth {
	t.Helper()
	name += "-" + time.Now().Format("150405")
	out, err := exec.CommandContext(ctx, "openstack", "project", "create", "--domain", "Default", name,
		"-f", "value", "-c", "id").Output()
	require.NoError(t, err)
	id := strings.TrimSpace(string(out))
	t.Cleanup(func() {
		if out, err := exec.Command("openstack", "project", "delete", id).CombinedOutput(); err != nil {
			t.Logf("project %s left behind: %v: %s", name, err, out)
		}
	})
	out, err = exec.CommandContext(ctx, "openstack", "role", "add", "--user", os.Getenv("OS_USERNAME"),
		"--user-domain", "Default", "--project", id, "admin").CombinedOutput()
	require.NoError(t, err, "%s", out)
	auth := cinder.FromEnv()
	auth.ProjectName, auth.ProjectID = name, ""
	return auth
}
