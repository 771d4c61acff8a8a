package groupsnapshots_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/groupsnapshots"
)

func ExampleManager_Create() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	s, err := c.GroupSnapshots.Create(ctx, groupsnapshots.CreateRequest{
		GroupID: "5825970d-7b72-4fb7-aa0b-c1b40e2a9cff",
		Name:    "before-upgrade",
	})
	if err != nil {
		log.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	s, err = c.GroupSnapshots.WaitForStatus(wctx, s.ID, groupsnapshots.StatusAvailable, nil)
	var serr *cinder.StatusError
	if errors.As(err, &serr) {
		log.Fatalf("group snapshot failed: %v", serr)
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.ID, s.GroupID)
}

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud"), Microversion: "3.29"})
	if err != nil {
		log.Fatal(err)
	}
	opts := &groupsnapshots.ListOptions{GroupID: "5825970d-7b72-4fb7-aa0b-c1b40e2a9cff", Sort: "created_at:desc"}
	for s, err := range c.GroupSnapshots.List(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(s.Name, s.Status)
	}
}
