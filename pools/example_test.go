package pools_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/pools"
)

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	list, err := c.Pools.List(ctx, &pools.ListOptions{Detail: true})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range list {
		fmt.Printf("%s: %.0f of %.0f GiB free\n", p.Name, p.Capabilities.FreeCapacityGB, p.Capabilities.TotalCapacityGB)
	}
}

func ExampleManager_Capabilities() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	caps, err := c.Pools.Capabilities(ctx, "node1@lvm")
	if err != nil {
		log.Fatal(err)
	}
	for key, p := range caps.Properties {
		fmt.Println(key, p.Type, p.Description)
	}
}
