//go:build integration

package integration_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/quotas"
	"github.com/gocinder/cinder/volumes"
)

// testErrors checks that Cinder's refusals come back as typed errors.
func testErrors(t *testing.T, b *backend) {
	ctx := b.ctx

	t.Run("404 unknown volume", func(t *testing.T) {
		_, err := b.admin.Volumes.Get(ctx, "8a3ba8f6-7d4a-4b4c-9d5e-000000000000")
		apiErr := apiError(t, err, cinder.ErrNotFound)
		b.save(t, "volumes/get_not_found")
		assert.Equal(t, http.StatusNotFound, apiErr.StatusCode)
		assert.Equal(t, "itemNotFound", apiErr.Code)
		assert.True(t, strings.HasPrefix(apiErr.RequestID, "req-"), "request id %q", apiErr.RequestID)
		assert.Contains(t, apiErr.Message, "8a3ba8f6-7d4a-4b4c-9d5e-000000000000")
		assert.Equal(t, http.MethodGet, apiErr.Method)
	})

	t.Run("400 bad size", func(t *testing.T) {
		for _, size := range []int{0, -1} {
			v, err := b.admin.Volumes.Create(ctx, volumes.CreateRequest{Size: size, Name: b.name("bad-size")})
			if v != nil && v.ID != "" {
				b.cleanupVolume(t, v.ID)
			}
			apiErr := apiError(t, err, cinder.ErrBadRequest)
			assert.Equal(t, "badRequest", apiErr.Code, "size %d", size)
			assert.NotEmpty(t, apiErr.Message, "size %d", size)
		}
		n, err := b.admin.Volumes.Count(ctx, &volumes.ListOptions{Name: b.name("bad-size")})
		require.NoError(t, err)
		assert.Zero(t, n, "no volume was created")
	})

	t.Run("403 admin-only call as demo", func(t *testing.T) {
		v := b.create(t, b.demo, volumes.CreateRequest{Size: 1, Name: b.name("demo")})
		err := b.demo.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{Status: volumes.StatusError})
		apiErr := apiError(t, err, cinder.ErrForbidden)
		b.save(t, "volumes/reset_status_forbidden")
		assert.Equal(t, http.StatusForbidden, apiErr.StatusCode)
		got, err := b.demo.Volumes.Get(ctx, v.ID)
		require.NoError(t, err)
		assert.Equal(t, volumes.StatusAvailable, got.Status, "the refused reset changed nothing")

		// The demo user does not see the admin's volumes at all.
		_, err = b.demo.Volumes.Get(ctx, b.adminVolume(t).ID)
		apiError(t, err, cinder.ErrNotFound)
	})
}

// adminVolume creates a small volume as the admin.
func (b *backend) adminVolume(t *testing.T) *volumes.Volume {
	t.Helper()
	return b.create(t, b.admin, volumes.CreateRequest{Size: 1, Name: b.name("admin")})
}

// testQuota lowers the demo project's volumes quota to what it uses (as the
// admin, restored in t.Cleanup) and checks that the demo user's next create
// is refused with 413.
func testQuota(t *testing.T, b *backend) {
	project := b.demo.ProjectID()
	require.NotEmpty(t, project)

	orig, err := b.admin.Quotas.Get(b.ctx, project)
	require.NoError(t, err)
	usage, err := b.admin.Quotas.Usage(b.ctx, project)
	require.NoError(t, err)
	inUse := usage.Volumes.InUse + usage.Volumes.Reserved
	t.Logf("demo project %s: volumes quota %d, in use %d", project, orig.Volumes, inUse)

	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := b.admin.Quotas.Update(ctx, project, quotas.UpdateRequest{Volumes: new(orig.Volumes)}); err != nil {
			t.Errorf("cleanup: restoring the demo project's volumes quota to %d: %v", orig.Volumes, err)
		}
	})
	set, err := b.admin.Quotas.Update(b.ctx, project, quotas.UpdateRequest{Volumes: new(inUse)})
	require.NoError(t, err)
	require.Equal(t, inUse, set.Volumes)

	v, err := b.demo.Volumes.Create(b.ctx, volumes.CreateRequest{Size: 1, Name: b.name("over")})
	if v != nil && v.ID != "" {
		b.cleanupVolume(t, v.ID)
	}
	apiErr := apiError(t, err, cinder.ErrOverLimit)
	b.save(t, "volumes/create_over_quota")
	assert.Equal(t, http.StatusRequestEntityTooLarge, apiErr.StatusCode)
	assert.Equal(t, "overLimit", apiErr.Code)
	assert.Contains(t, apiErr.Message, "VolumeLimitExceeded")
	assert.False(t, errors.Is(err, cinder.ErrBadRequest))
}
