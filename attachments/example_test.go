package attachments_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/attachments"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/volumes"
)

// newVolume creates an available volume for the examples to attach.
func newVolume(ctx context.Context, c *cinder.Client, name string) *volumes.Volume {
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: name, Size: 1})
	if err != nil {
		log.Fatal(err)
	}
	if v, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	return v
}

// The attach flow of microversion 3.27 on: reserve (Create), export to this
// host (Update with its connector), connect (with os-brick or the like,
// outside Cinder), Complete; Delete detaches.
func ExampleManager_Create() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, c, "db")

	a, err := c.Attachments.Create(ctx, attachments.CreateRequest{VolumeID: vol.ID, Mode: attachments.ModeReadWrite})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Status)
	a, err = c.Attachments.Update(ctx, a.ID, attachments.Connector{
		Host: "compute-1", IP: "192.0.2.10", Initiator: "iqn.1993-08.org.debian:01:abc", Platform: "x86_64", OSType: "linux",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("connect with", a.ConnectionInfo["driver_volume_type"])
	if err := c.Attachments.Complete(ctx, a.ID); err != nil {
		log.Fatal(err)
	}
	if a, err = c.Attachments.Get(ctx, a.ID); err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Status, a.AttachMode)
	if vol, err = c.Volumes.Get(ctx, vol.ID); err != nil {
		log.Fatal(err)
	}
	fmt.Println("volume", vol.Status)

	// … later
	if err := c.Attachments.Delete(ctx, a.ID); err != nil {
		log.Fatal(err)
	}
	if vol, err = c.Volumes.Get(ctx, vol.ID); err != nil {
		log.Fatal(err)
	}
	fmt.Println("volume", vol.Status)
	// Output:
	// reserved
	// connect with local
	// attached rw
	// volume in-use
	// volume available
}

func ExampleManager_List() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"a", "b"} {
		vol := newVolume(ctx, c, name)
		a, err := c.Attachments.Create(ctx, attachments.CreateRequest{VolumeID: vol.ID})
		if err != nil {
			log.Fatal(err)
		}
		if name == "a" {
			if _, err := c.Attachments.Update(ctx, a.ID, attachments.Connector{Host: "compute-1"}); err != nil {
				log.Fatal(err)
			}
			if err := c.Attachments.Complete(ctx, a.ID); err != nil {
				log.Fatal(err)
			}
		}
	}

	for _, st := range []attachments.Status{attachments.StatusAttached, attachments.StatusReserved} {
		for a, err := range c.Attachments.List(ctx, &attachments.ListOptions{Status: st, Limit: 100}) {
			if err != nil {
				log.Fatal(err)
			}
			fmt.Println(a.Status, a.AttachMode)
		}
	}
	// Output:
	// attached rw
	// reserved
}
