package grouptypes_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/grouptypes"
)

func ExampleManager_Create() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
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
	fmt.Println(gt.Name, gt.IsPublic, gt.GroupSpecs)
	// Output: consistent true map[consistent_group_snapshot_enabled:<is> True]
}

func ExampleManager_List() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range []grouptypes.CreateRequest{{Name: "public-one"}, {Name: "private-one", IsPublic: new(false)}} {
		if _, err := c.GroupTypes.Create(ctx, r); err != nil {
			log.Fatal(err)
		}
	}

	for gt, err := range c.GroupTypes.List(ctx, &grouptypes.ListOptions{Visibility: grouptypes.VisibilityPrivate}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(gt.Name, gt.IsPublic)
	}
	// Output: private-one false
}

func ExampleManager_SetGroupSpecs() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	gt, err := c.GroupTypes.Create(ctx, grouptypes.CreateRequest{Name: "replicated"})
	if err != nil {
		log.Fatal(err)
	}

	specs, err := c.GroupTypes.SetGroupSpecs(ctx, gt.ID, map[string]string{"group_replication_enabled": "<is> True"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(specs)
	if err := c.GroupTypes.DeleteGroupSpec(ctx, gt.ID, "group_replication_enabled"); err != nil {
		log.Fatal(err)
	}
	if specs, err = c.GroupTypes.GroupSpecs(ctx, gt.ID); err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(specs))
	// Output:
	// map[group_replication_enabled:<is> True]
	// 0
}
