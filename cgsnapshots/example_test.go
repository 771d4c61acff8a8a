package cgsnapshots_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cgsnapshots"
	"github.com/gocinder/cinder/consistencygroups"
)

func ExampleManager_Create() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	s, err := c.CGSnapshots.Create(ctx, cgsnapshots.CreateRequest{
		ConsistencyGroupID: "6f84a036-0e2a-4079-9229-ba6b2a267bb6",
		Name:               "nightly",
	})
	if err != nil {
		log.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	if _, err := c.CGSnapshots.WaitForStatus(wctx, s.ID, cgsnapshots.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	// restore it as a new consistency group
	g, err := c.ConsistencyGroups.CreateFromSource(ctx, consistencygroups.CreateFromSourceRequest{CGSnapshotID: s.ID, Name: "restored"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(g.ID)
}

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	for s, err := range c.CGSnapshots.List(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(s.ID, s.Name, s.Status, s.ConsistencyGroupID)
	}
}
