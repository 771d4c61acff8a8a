package snapshots_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/snapshots"
)

func ExampleManager_Create() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	s, err := c.Snapshots.Create(ctx, snapshots.CreateRequest{
		VolumeID: "0c8b1a53-6a7e-4c36-a1a4-b3c0f2b1d5a1",
		Name:     "before-upgrade",
		Metadata: map[string]string{"ticket": "OPS-42"},
	})
	if err != nil {
		log.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	s, err = c.Snapshots.WaitForStatus(wctx, s.ID, snapshots.StatusAvailable, nil)
	var serr *cinder.StatusError
	if errors.As(err, &serr) {
		log.Fatalf("snapshot failed: %v", serr)
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.ID, s.Progress)
}

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud"), Microversion: "3.30"})
	if err != nil {
		log.Fatal(err)
	}
	opts := &snapshots.ListOptions{Status: snapshots.StatusAvailable, Sort: "name:asc"}
	for s, err := range c.Snapshots.List(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(s.Name, s.Size, s.VolumeID)
	}
}

func ExampleManager_Find() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	s, err := c.Snapshots.Find(ctx, "before-upgrade")
	if errors.Is(err, cinder.ErrNotFound) {
		fmt.Println("no such snapshot")
		return
	}
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Snapshots.Delete(ctx, s.ID); err != nil {
		log.Fatal(err)
	}
	if err := c.Snapshots.WaitForDeleted(ctx, s.ID, nil); err != nil {
		log.Fatal(err)
	}
}

func ExampleManager_SetMetadataItem() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	id := "5f2d7c1e-3b7a-4f0e-9d3c-1a2b3c4d5e6f"
	if err := c.Snapshots.SetMetadataItem(ctx, id, "retain", "30d"); err != nil {
		log.Fatal(err)
	}
	md, err := c.Snapshots.Metadata(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(md["retain"])
}
