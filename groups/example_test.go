package groups_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/volumes"
)

func ExampleManager_Create() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	g, err := c.Groups.Create(ctx, groups.CreateRequest{
		Name:        "db-volumes",
		GroupType:   "consistent", // a group type with consistent_group_snapshot_enabled
		VolumeTypes: []string{"fast"},
	})
	if err != nil {
		log.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	if _, err := c.Groups.WaitForStatus(wctx, g.ID, groups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	// a volume joins the group when it is made…
	if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 10, VolumeType: "fast", GroupID: g.ID}); err != nil {
		log.Fatal(err)
	}
	// …or later
	if err := c.Groups.Update(ctx, g.ID, groups.UpdateRequest{AddVolumes: []string{"0c8b1a53-6a7e-4c36-a1a4-b3c0f2b1d5a1"}}); err != nil {
		log.Fatal(err)
	}
}

func ExampleManager_CreateFromSource() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud"), Microversion: "3.14"})
	if err != nil {
		log.Fatal(err)
	}
	g, err := c.Groups.CreateFromSource(ctx, groups.CreateFromSourceRequest{
		GroupSnapshotID: "6f84a036-0e2a-4079-9229-ba6b2a267bb6",
		Name:            "db-volumes-restored",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(g.ID)
}

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud"), Microversion: "3.25"})
	if err != nil {
		log.Fatal(err)
	}
	for g, err := range c.Groups.List(ctx, &groups.ListOptions{ListVolume: true, Sort: "name:asc"}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(g.Name, g.Status, len(g.Volumes))
	}
}

func ExampleManager_Delete() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	g, err := c.Groups.Find(ctx, "db-volumes", nil)
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Groups.Delete(ctx, g.ID, &groups.DeleteOptions{DeleteVolumes: true}); err != nil {
		log.Fatal(err)
	}
	if err := c.Groups.WaitForDeleted(ctx, g.ID, nil); err != nil {
		log.Fatal(err)
	}
}
