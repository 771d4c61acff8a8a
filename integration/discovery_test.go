//go:build integration

package integration_test

import (
	"github.com/gocinder/cinder/internal/testutil"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/discovery"
)

// testDiscovery checks the availability zones and the resource filters,
// as the admin and as the demo user.
func testDiscovery(t *testing.T, b *backend) {
	ctx := b.ctx
	for _, who := range []struct {
		name string
		c    *cinder.Client
	}{{"admin", b.admin}, {"demo", b.demo}} {
		t.Run(who.name, func(t *testing.T) {
			zones, err := who.c.Discovery.AvailabilityZones(ctx)
			require.NoError(t, err)
			assert.Contains(t, zones, discovery.AvailabilityZone{Name: "nova", State: discovery.ZoneState{Available: true}})

			filters, err := who.c.Discovery.ResourceFilters(ctx, discovery.ResourceVolume)
			require.NoError(t, err)
			require.Len(t, filters, 1, "one resource asked for")
			assert.Equal(t, discovery.ResourceVolume, filters[0].Resource)
			assert.Contains(t, filters[0].Filters, "name")
			assert.Contains(t, filters[0].Filters, "status")
			assert.Contains(t, filters[0].Filters, "metadata")

			all, err := who.c.Discovery.ResourceFilters(ctx, "")
			require.NoError(t, err)
			byResource := map[string][]string{}
			for _, f := range all {
				byResource[f.Resource] = f.Filters
			}
			assert.Equal(t, filters[0].Filters, byResource[discovery.ResourceVolume])
			for _, r := range []string{discovery.ResourceSnapshot, discovery.ResourceBackup, discovery.ResourceMessage,
				discovery.ResourceAttachment, discovery.ResourceVolumeType} {
				assert.Contains(t, byResource, r)
			}
			assert.Contains(t, byResource[discovery.ResourceMessage], "resource_uuid")

			var verr *cinder.VersionError
			_, err = testutil.At(t, who.c, "3.32").Discovery.ResourceFilters(ctx, discovery.ResourceVolume)
			require.ErrorAs(t, err, &verr)
		})
	}
}
