//go:build integration

package integration_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/qos"
	"github.com/gocinder/cinder/types"
)

// qosSpec creates a QoS spec as the admin and deletes it (forced) in
// t.Cleanup. Create the volume types it will be associated with first, so
// that the spec goes before them.
func (b *backend) qosSpec(t *testing.T, r qos.CreateRequest) *qos.Spec {
	t.Helper()
	require.NotEmpty(t, r.Name, "the suite names every QoS spec")
	s := retryCreate(t, b, "QoS spec "+r.Name, func() (*qos.Spec, error) {
		return b.admin.QoS.Create(b.ctx, r)
	}, func() (*qos.Spec, bool, error) {
		s, err := b.admin.QoS.Find(b.ctx, r.Name, nil)
		if errors.Is(err, cinder.ErrNotFound) {
			return nil, false, nil
		}
		return s, err == nil, err
	})
	require.NotEmpty(t, s.ID)
	id := s.ID
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := b.admin.QoS.Delete(ctx, id, &qos.DeleteOptions{Force: true}); err != nil && !errors.Is(err, cinder.ErrNotFound) {
			t.Errorf("cleanup: QoS spec %s left behind: %v", id, err)
		}
	})
	return s
}

// testQoS creates a QoS spec, changes its keys, associates it with two
// volume types and takes the associations apart again.
func testQoS(t *testing.T, b *backend) {
	ctx, c := b.ctx, b.admin
	gold := b.volumeType(t, types.CreateRequest{Name: b.name("gold")})
	silver := b.volumeType(t, types.CreateRequest{Name: b.name("silver")})

	spec := b.qosSpec(t, qos.CreateRequest{Name: b.name("limits"), Consumer: qos.ConsumerBackEnd,
		Specs: map[string]string{"read_iops_sec": "1000"}})
	assert.Equal(t, b.name("limits"), spec.Name)
	assert.Equal(t, qos.ConsumerBackEnd, spec.Consumer)
	assert.Equal(t, map[string]string{"read_iops_sec": "1000"}, spec.Specs)

	t.Run("keys", func(t *testing.T) {
		require.NoError(t, c.QoS.SetKeys(ctx, spec.ID, map[string]string{"read_iops_sec": "2000", "write_iops_sec": "500"}))
		got, err := c.QoS.Get(ctx, spec.ID)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"read_iops_sec": "2000", "write_iops_sec": "500"}, got.Specs)
		assert.Equal(t, qos.ConsumerBackEnd, got.Consumer)

		require.NoError(t, c.QoS.UnsetKeys(ctx, spec.ID, "write_iops_sec"))
		got, err = c.QoS.Get(ctx, spec.ID)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"read_iops_sec": "2000"}, got.Specs)

		err = c.QoS.UnsetKeys(ctx, spec.ID, "write_iops_sec")
		apiError(t, err, cinder.ErrNotFound)

		found, err := c.QoS.Find(ctx, spec.Name, nil)
		require.NoError(t, err)
		assert.Equal(t, spec.ID, found.ID)
	})

	t.Run("associate", func(t *testing.T) {
		require.NoError(t, c.QoS.Associate(ctx, spec.ID, gold.ID))
		require.NoError(t, c.QoS.Associate(ctx, spec.ID, silver.ID))
		assert.ElementsMatch(t, []qos.Association{
			{Type: qos.AssociationVolumeType, Name: gold.Name, ID: gold.ID},
			{Type: qos.AssociationVolumeType, Name: silver.Name, ID: silver.ID},
		}, b.associations(t, spec.ID))
		for _, vt := range []*types.VolumeType{gold, silver} {
			got, err := c.Types.Get(ctx, vt.ID)
			require.NoError(t, err)
			assert.Equal(t, spec.ID, got.QoSSpecsID, "qos_specs_id of %s", vt.Name)
		}

		// A type has one spec at most.
		other := b.qosSpec(t, qos.CreateRequest{Name: b.name("other")})
		err := c.QoS.Associate(ctx, other.ID, gold.ID)
		apiError(t, err, cinder.ErrBadRequest)
	})

	t.Run("delete associated", func(t *testing.T) {
		err := c.QoS.Delete(ctx, spec.ID, nil)
		apiErr := apiError(t, err, cinder.ErrBadRequest)
		assert.Equal(t, "badRequest", apiErr.Code)
		_, err = c.QoS.Get(ctx, spec.ID)
		require.NoError(t, err, "the refused delete kept the spec")
	})

	t.Run("disassociate", func(t *testing.T) {
		require.NoError(t, c.QoS.Disassociate(ctx, spec.ID, gold.ID))
		assert.Equal(t, []qos.Association{{Type: qos.AssociationVolumeType, Name: silver.Name, ID: silver.ID}},
			b.associations(t, spec.ID))
		got, err := c.Types.Get(ctx, gold.ID)
		require.NoError(t, err)
		assert.Empty(t, got.QoSSpecsID)

		require.NoError(t, c.QoS.DisassociateAll(ctx, spec.ID))
		assert.Empty(t, b.associations(t, spec.ID))
		got, err = c.Types.Get(ctx, silver.ID)
		require.NoError(t, err)
		assert.Empty(t, got.QoSSpecsID)

		require.NoError(t, c.QoS.Delete(ctx, spec.ID, nil))
		_, err = c.QoS.Get(ctx, spec.ID)
		apiError(t, err, cinder.ErrNotFound)
	})

	t.Run("force delete", func(t *testing.T) {
		forced := b.qosSpec(t, qos.CreateRequest{Name: b.name("forced"), Consumer: qos.ConsumerFrontEnd,
			Specs: map[string]string{"total_bytes_sec": "1048576"}})
		require.NoError(t, c.QoS.Associate(ctx, forced.ID, gold.ID))
		require.NoError(t, c.QoS.Delete(ctx, forced.ID, &qos.DeleteOptions{Force: true}))
		_, err := c.QoS.Get(ctx, forced.ID)
		apiError(t, err, cinder.ErrNotFound)
		got, err := c.Types.Get(ctx, gold.ID)
		require.NoError(t, err)
		assert.Empty(t, got.QoSSpecsID, "a forced delete disassociates")
	})
}

// associations returns the associations of QoS spec id.
func (b *backend) associations(t *testing.T, id string) []qos.Association {
	t.Helper()
	as, err := b.admin.QoS.Associations(b.ctx, id)
	require.NoError(t, err)
	return as
}
