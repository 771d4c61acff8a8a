package backups_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/backups"
)

func ExampleManager_Create() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud"), Microversion: "3.43"})
	if err != nil {
		log.Fatal(err)
	}
	b, err := c.Backups.Create(ctx, backups.CreateRequest{
		VolumeID:    "0c8b1a53-6a7e-4c36-a1a4-b3c0f2b1d5a1",
		Name:        "nightly",
		Incremental: true,
		Metadata:    map[string]string{"schedule": "daily"},
	})
	if err != nil {
		log.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, time.Hour)
	defer cancel()
	b, err = c.Backups.WaitForStatus(wctx, b.ID, backups.StatusAvailable, nil)
	var serr *cinder.StatusError
	if errors.As(err, &serr) {
		log.Fatalf("backup failed: %s", b.FailReason)
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(b.ID, b.Size, b.ObjectCount)
}

func ExampleManager_Restore() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	b, err := c.Backups.Find(ctx, "nightly")
	if err != nil {
		log.Fatal(err)
	}
	r, err := c.Backups.Restore(ctx, b.ID, backups.RestoreRequest{Name: "restored-nightly"})
	if err != nil {
		log.Fatal(err)
	}
	// the backup is "restoring" until the data is back in the volume
	if _, err := c.Backups.WaitForStatus(ctx, b.ID, backups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	fmt.Println("restored to", r.VolumeID)
}

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	for b, err := range c.Backups.List(ctx, &backups.ListOptions{Sort: "data_timestamp:desc"}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(b.Name, b.Status, b.DataTimestamp.Format(time.RFC3339), b.IsIncremental)
	}
}

func ExampleManager_ExportRecord() {
	ctx := context.Background()
	src, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("old")})
	if err != nil {
		log.Fatal(err)
	}
	dst, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("new")})
	if err != nil {
		log.Fatal(err)
	}
	rec, err := src.Backups.ExportRecord(ctx, "5f2d7c1e-3b7a-4f0e-9d3c-1a2b3c4d5e6f")
	if err != nil {
		log.Fatal(err)
	}
	b, err := dst.Backups.ImportRecord(ctx, *rec)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("imported", b.ID)
}
