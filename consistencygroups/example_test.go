package consistencygroups_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/consistencygroups"
)

func ExampleManager_Create() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	g, err := c.ConsistencyGroups.Create(ctx, consistencygroups.CreateRequest{
		Name:        "db-volumes",
		VolumeTypes: []string{"fast"},
	})
	if err != nil {
		log.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	// a backend without consistency group support leaves it in "error":
	// that ends the wait with a *cinder.StatusError
	if _, err := c.ConsistencyGroups.WaitForStatus(wctx, g.ID, consistencygroups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	err = c.ConsistencyGroups.Update(ctx, g.ID, consistencygroups.UpdateRequest{
		AddVolumes: []string{"0c8b1a53-6a7e-4c36-a1a4-b3c0f2b1d5a1"},
	})
	if err != nil {
		log.Fatal(err)
	}
}

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	for g, err := range c.ConsistencyGroups.List(ctx, &consistencygroups.ListOptions{Status: consistencygroups.StatusAvailable}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(g.ID, g.Name, g.VolumeTypes)
	}
}

func ExampleManager_Delete() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	g, err := c.ConsistencyGroups.Find(ctx, "db-volumes", nil)
	if err != nil {
		log.Fatal(err)
	}
	// Force deletes the group's volumes too
	if err := c.ConsistencyGroups.Delete(ctx, g.ID, &consistencygroups.DeleteOptions{Force: true}); err != nil {
		log.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	if err := c.ConsistencyGroups.WaitForDeleted(wctx, g.ID, nil); err != nil {
		log.Fatal(err)
	}
}
