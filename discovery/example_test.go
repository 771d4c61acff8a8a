package discovery_test

import (
	"context"
	"fmt"
	"log"
	"slices"

	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/discovery"
)

func ExampleManager_AvailabilityZones() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
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
	// Output: nova true
}

// Check a filter before listing with it (microversion 3.33).
func ExampleManager_ResourceFilters() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
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
	// Output: volume bootable filter: true
}
