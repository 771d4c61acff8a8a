package messages_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/messages"
)

// Why did a volume go to "error"? Its messages say.
func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud"), Microversion: "3.5"})
	if err != nil {
		log.Fatal(err)
	}
	opts := &messages.ListOptions{ResourceUUID: "0c8b1a53-6a7e-4c36-a1a4-b3c0f2b1d5a1", Sort: "created_at:desc"}
	for m, err := range c.Messages.List(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(m.CreatedAt.Format("2006-01-02 15:04"), m.EventID, m.UserMessage)
	}
}

func ExampleManager_Delete() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	for m, err := range c.Messages.List(ctx, &messages.ListOptions{EventID: "VOLUME_VOLUME_001_003"}) {
		if err != nil {
			log.Fatal(err)
		}
		if err := c.Messages.Delete(ctx, m.ID); err != nil {
			log.Fatal(err)
		}
	}
}
