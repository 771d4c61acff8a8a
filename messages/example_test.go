package messages_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/messages"
	"github.com/gocinder/cinder/volumes"
)

// Why did a volume go to "error"? Its messages say.
func ExampleManager_List() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{Capacity: 100}) // a small back end
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "huge", Size: 500})
	if err != nil {
		log.Fatal(err)
	}
	if v, err = c.Volumes.Get(ctx, v.ID); err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Status)

	opts := &messages.ListOptions{ResourceUUID: v.ID, Sort: "created_at:desc"}
	for m, err := range c.Messages.List(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(m.Level, m.EventID, m.UserMessage)
	}
	// Output:
	// error
	// ERROR VOLUME_VOLUME_001_003 schedule allocate volume:Could not find any available weighted backend.
}

func ExampleManager_Delete() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{Capacity: 100})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for range 2 {
		if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 500}); err != nil {
			log.Fatal(err)
		}
	}
	if _, err := c.Volumes.Count(ctx, nil); err != nil { // the creates fail by the next request
		log.Fatal(err)
	}

	for m, err := range c.Messages.List(ctx, &messages.ListOptions{EventID: "VOLUME_VOLUME_001_003"}) {
		if err != nil {
			log.Fatal(err)
		}
		if err := c.Messages.Delete(ctx, m.ID); err != nil {
			log.Fatal(err)
		}
		fmt.Println("deleted", m.EventID)
	}
	// Output:
	// deleted VOLUME_VOLUME_001_003
	// deleted VOLUME_VOLUME_001_003
}
