package volumes_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/volumes"
)

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	opts := &volumes.ListOptions{Status: volumes.StatusAvailable, Sort: "created_at:desc", Limit: 100}
	for v, err := range c.Volumes.List(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(v.ID, v.Name, v.Size)
	}
}

func ExampleManager_Create() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromEnv()})
	if err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 10, Name: "data", Metadata: map[string]string{"team": "db"}})
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	if v, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.ID, v.Status)
}

func ExampleManager_Retype() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromEnv()})
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Volumes.Retype(ctx, "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "fast-ssd", volumes.MigrateOnDemand); err != nil {
		log.Fatal(err)
	}
}

func ExampleManager_WaitForStatus() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromEnv()})
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	v, err := c.Volumes.WaitForStatus(ctx, "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", volumes.StatusAvailable,
		&volumes.WaitOptions{Progress: func(v *volumes.Volume) { log.Printf("%s is %s", v.ID, v.Status) }})
	var se *cinder.StatusError
	switch {
	case errors.As(err, &se):
		log.Fatalf("volume failed: %s", se.Status)
	case errors.Is(err, context.DeadlineExceeded):
		log.Fatal("still not available after 10 minutes")
	case err != nil:
		log.Fatal(err)
	}
	fmt.Println(v.Status)
}

func ExampleManager_Find() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromEnv()})
	if err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Find(ctx, "data")
	var amb *volumes.AmbiguousError
	switch {
	case errors.Is(err, cinder.ErrNotFound):
		log.Fatal("no such volume")
	case errors.As(err, &amb):
		log.Fatalf("pick one of %v", amb.IDs)
	case err != nil:
		log.Fatal(err)
	}
	fmt.Println(v.ID)
}

func ExampleManager_ReplaceMetadataIfMatch() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromEnv(), Microversion: "3.15"})
	if err != nil {
		log.Fatal(err)
	}
	id := "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
	for {
		md, etag, err := c.Volumes.MetadataWithETag(ctx, id)
		if err != nil {
			log.Fatal(err)
		}
		md["owner"] = "team-a"
		_, err = c.Volumes.ReplaceMetadataIfMatch(ctx, id, md, etag)
		if errors.Is(err, cinder.ErrPrecondition) {
			continue // someone else changed it: read again
		}
		if err != nil {
			log.Fatal(err)
		}
		return
	}
}

func ExampleManager_InitializeConnection() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromEnv()})
	if err != nil {
		log.Fatal(err)
	}
	id := "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
	if err := c.Volumes.Reserve(ctx, id); err != nil {
		log.Fatal(err)
	}
	info, err := c.Volumes.InitializeConnection(ctx, id, volumes.Connector{Host: "node1", IP: "192.0.2.10",
		Initiator: "iqn.1993-08.org.debian:01:node1", Extra: map[string]any{"system uuid": "…"}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.DriverVolumeType, info.Data["target_iqn"])
}
