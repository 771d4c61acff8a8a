package grouptypes_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/grouptypes"
)

func ExampleManager_Create() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	gt, err := c.GroupTypes.Create(ctx, grouptypes.CreateRequest{
		Name:       "consistent",
		GroupSpecs: map[string]string{"consistent_group_snapshot_enabled": "<is> True"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(gt.ID)
}

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	for gt, err := range c.GroupTypes.List(ctx, &grouptypes.ListOptions{Visibility: grouptypes.VisibilityAll}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(gt.Name, gt.IsPublic, gt.GroupSpecs)
	}
}
