package pools_test

import (
	"context"
	"fmt"
	"log"
	"maps"
	"slices"
	"strings"

	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/pools"
	"github.com/gocinder/cinder/volumes"
)

func ExampleManager_List() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{Capacity: 100})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 30}); err != nil {
		log.Fatal(err)
	}

	list, err := c.Pools.List(ctx, &pools.ListOptions{Detail: true})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range list {
		fmt.Printf("%s: %.0f of %.0f GiB free\n", p.Name, p.Capabilities.FreeCapacityGB, p.Capabilities.TotalCapacityGB)
	}
	// Output: emulator@lvm#pool: 70 of 100 GiB free
}

func ExampleManager_Capabilities() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	list, err := c.Pools.List(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	host, _, _ := strings.Cut(list[0].Name, "#") // host@backend#pool → host@backend

	caps, err := c.Pools.Capabilities(ctx, host)
	if err != nil {
		log.Fatal(err)
	}
	keys := slices.Sorted(maps.Keys(caps.Properties))
	for _, key := range keys {
		fmt.Println(key, caps.Properties[key].Type)
	}
	// Output:
	// compression boolean
	// qos boolean
	// replication_enabled boolean
	// thin_provisioning boolean
}
