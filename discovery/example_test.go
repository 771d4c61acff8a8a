package discovery_test

import (
	"context"
	"fmt"
	"log"
	"slices"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/discovery"
)

func ExampleManager_AvailabilityZones() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	zones, err := c.Discovery.AvailabilityZones(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, z := range zones {
		fmt.Println(z.Name, z.State.Available)
	}
}

// Check a filter before listing with it.
func ExampleManager_ResourceFilters() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud"), Microversion: "3.33"})
	if err != nil {
		log.Fatal(err)
	}
	fs, err := c.Discovery.ResourceFilters(ctx, discovery.ResourceVolume)
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range fs {
		fmt.Println(f.Resource, "bootable filter:", slices.Contains(f.Filters, "bootable"))
	}
}
