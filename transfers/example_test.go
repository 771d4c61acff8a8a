package transfers_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/transfers"
	"github.com/gocinder/cinder/volumes"
)

// newVolume creates an available volume for the examples to transfer.
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

// The owner offers a volume; the receiving project accepts it with the ID
// and auth key, handed over out of band.
func ExampleManager_Create() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	owner, err := srv.Client(ctx) // the admin project
	if err != nil {
		log.Fatal(err)
	}
	receiver, err := srv.ClientAs(ctx, "demo", cinder.Options{}) // the demo project
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, owner, "handover")

	tr, err := owner.Transfers.Create(ctx, transfers.CreateRequest{VolumeID: vol.ID, Name: "to-demo"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("key shown once:", tr.AuthKey != "")

	acc, err := receiver.Transfers.Accept(ctx, tr.ID, tr.AuthKey)
	if err != nil {
		log.Fatal(err)
	}
	v, err := receiver.Volumes.Get(ctx, acc.VolumeID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Name, "now belongs to", v.TenantID == srv.ProjectID("demo"))
	// Output:
	// key shown once: true
	// handover now belongs to true
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
		if _, err := c.Transfers.Create(ctx, transfers.CreateRequest{VolumeID: vol.ID, Name: "give-" + name}); err != nil {
			log.Fatal(err)
		}
	}

	for tr, err := range c.Transfers.List(ctx, &transfers.ListOptions{Limit: 50, Sort: "display_name:desc"}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(tr.Name)
	}
	// Output:
	// give-b
	// give-a
}

// Deleting a transfer cancels it: the volume is available again.
func ExampleManager_Delete() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, c, "db")
	if _, err := c.Transfers.Create(ctx, transfers.CreateRequest{VolumeID: vol.ID, Name: "to-team-b"}); err != nil {
		log.Fatal(err)
	}
	if vol, err = c.Volumes.Get(ctx, vol.ID); err != nil {
		log.Fatal(err)
	}
	fmt.Println(vol.Status)

	tr, err := c.Transfers.Find(ctx, "to-team-b", nil)
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Transfers.Delete(ctx, tr.ID); err != nil {
		log.Fatal(err)
	}
	if vol, err = c.Volumes.Get(ctx, vol.ID); err != nil {
		log.Fatal(err)
	}
	fmt.Println(vol.Status)
	_, err = c.Transfers.Get(ctx, tr.ID)
	fmt.Println(errors.Is(err, cinder.ErrNotFound))
	// Output:
	// awaiting-transfer
	// available
	// true
}
