package groupsnapshots_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/groupsnapshots"
	"github.com/gocinder/cinder/grouptypes"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
)

// newGroup makes an available group with one volume in it.
func newGroup(ctx context.Context, c *cinder.Client, name string) *groups.Group {
	if _, err := c.GroupTypes.Create(ctx, grouptypes.CreateRequest{Name: "consistent",
		GroupSpecs: map[string]string{"consistent_group_snapshot_enabled": "<is> True"}}); err != nil {
		log.Fatal(err)
	}
	if _, err := c.Types.Create(ctx, types.CreateRequest{Name: "fast"}); err != nil {
		log.Fatal(err)
	}
	g, err := c.Groups.Create(ctx, groups.CreateRequest{Name: name, GroupType: "consistent", VolumeTypes: []string{"fast"}})
	if err != nil {
		log.Fatal(err)
	}
	if g, err = c.Groups.WaitForStatus(ctx, g.ID, groups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, VolumeType: "fast", GroupID: g.ID})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	return g
}

func ExampleManager_Create() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	g := newGroup(ctx, c, "db-volumes")

	s, err := c.GroupSnapshots.Create(ctx, groupsnapshots.CreateRequest{
		GroupID: g.ID,
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
		log.Fatalf("group snapshot %s failed: %s", serr.ID, serr.Status)
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Name, s.Status, s.GroupID == g.ID)
	// Output: before-upgrade available true
}

func ExampleManager_List() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	g := newGroup(ctx, c, "db-volumes")
	for _, name := range []string{"monday", "tuesday"} {
		s, err := c.GroupSnapshots.Create(ctx, groupsnapshots.CreateRequest{GroupID: g.ID, Name: name})
		if err != nil {
			log.Fatal(err)
		}
		if _, err := c.GroupSnapshots.WaitForStatus(ctx, s.ID, groupsnapshots.StatusAvailable, nil); err != nil {
			log.Fatal(err)
		}
	}

	// Filters and sorting need microversion 3.29.
	opts := &groupsnapshots.ListOptions{GroupID: g.ID, Sort: "name:desc"}
	for s, err := range c.GroupSnapshots.List(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(s.Name, s.Status)
	}
	// Output:
	// tuesday available
	// monday available
}
