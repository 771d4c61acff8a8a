package attachments_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/attachments"
)

// The new-style attach flow: reserve, export to this host, connect (with
// os-brick or the like, outside Cinder), complete; Delete detaches.
func ExampleManager_Create() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud"), Microversion: "3.54"})
	if err != nil {
		log.Fatal(err)
	}
	a, err := c.Attachments.Create(ctx, attachments.CreateRequest{VolumeID: "4ad8f1f6-…", Mode: attachments.ModeReadWrite})
	if err != nil {
		log.Fatal(err)
	}
	a, err = c.Attachments.Update(ctx, a.ID, attachments.Connector{
		Host: "compute-1", IP: "192.0.2.10", Initiator: "iqn.1993-08.org.debian:01:abc", Platform: "x86_64", OSType: "linux",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("connect with", a.ConnectionInfo["driver_volume_type"], a.ConnectionInfo)
	if err := c.Attachments.Complete(ctx, a.ID); err != nil { // the volume is now in-use
		log.Fatal(err)
	}
	// … later
	if err := c.Attachments.Delete(ctx, a.ID); err != nil {
		log.Fatal(err)
	}
}

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	for a, err := range c.Attachments.List(ctx, &attachments.ListOptions{Status: attachments.StatusAttached, Limit: 100}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(a.ID, a.VolumeID, a.InstanceID, a.AttachMode, a.AttachedAt)
	}
}
