package transfers_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/transfers"
)

// The owner offers a volume; the receiving project accepts it with the ID
// and auth key, handed over out of band.
func ExampleManager_Create() {
	ctx := context.Background()
	owner, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("owner")})
	if err != nil {
		log.Fatal(err)
	}
	tr, err := owner.Transfers.Create(ctx, transfers.CreateRequest{VolumeID: "4ad8f1f6-…", Name: "to-team-b"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("transfer", tr.ID, "key", tr.AuthKey) // the key is shown only now

	receiver, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("team-b")})
	if err != nil {
		log.Fatal(err)
	}
	acc, err := receiver.Transfers.Accept(ctx, tr.ID, tr.AuthKey)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("volume", acc.VolumeID, "now belongs to team-b")
}

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	for tr, err := range c.Transfers.List(ctx, &transfers.ListOptions{Limit: 50, Sort: "created_at:desc"}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(tr.ID, tr.Name, tr.VolumeID, tr.CreatedAt)
	}
}

func ExampleManager_Find() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	tr, err := c.Transfers.Find(ctx, "to-team-b", nil)
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Transfers.Delete(ctx, tr.ID); err != nil { // the volume is available again
		log.Fatal(err)
	}
}
