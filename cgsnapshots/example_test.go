package cgsnapshots_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/gocinder/cinder/cgsnapshots"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/consistencygroups"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
)

func ExampleManager_Create() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Types.Create(ctx, types.CreateRequest{Name: "fast"}); err != nil {
		log.Fatal(err)
	}
	seed, err := c.ConsistencyGroups.Create(ctx, consistencygroups.CreateRequest{Name: "db-volumes", VolumeTypes: []string{"fast"}})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.ConsistencyGroups.WaitForStatus(ctx, seed.ID, consistencygroups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	vol, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, VolumeType: "fast"})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.WaitForStatus(ctx, vol.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	if err := c.ConsistencyGroups.Update(ctx, seed.ID, consistencygroups.UpdateRequest{AddVolumes: []string{vol.ID}}); err != nil {
		log.Fatal(err)
	}
	if _, err := c.ConsistencyGroups.WaitForStatus(ctx, seed.ID, consistencygroups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	s, err := c.CGSnapshots.Create(ctx, cgsnapshots.CreateRequest{
		ConsistencyGroupID: seed.ID,
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
	if g, err = c.ConsistencyGroups.WaitForStatus(ctx, g.ID, consistencygroups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	fmt.Println(g.Name, g.Status)
	// Output: restored available
}

func ExampleManager_List() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Types.Create(ctx, types.CreateRequest{Name: "fast"}); err != nil {
		log.Fatal(err)
	}
	seed, err := c.ConsistencyGroups.Create(ctx, consistencygroups.CreateRequest{Name: "db-volumes", VolumeTypes: []string{"fast"}})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.ConsistencyGroups.WaitForStatus(ctx, seed.ID, consistencygroups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	vol, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, VolumeType: "fast"})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.WaitForStatus(ctx, vol.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	if err := c.ConsistencyGroups.Update(ctx, seed.ID, consistencygroups.UpdateRequest{AddVolumes: []string{vol.ID}}); err != nil {
		log.Fatal(err)
	}
	if _, err := c.ConsistencyGroups.WaitForStatus(ctx, seed.ID, consistencygroups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	snap, err := c.CGSnapshots.Create(ctx, cgsnapshots.CreateRequest{ConsistencyGroupID: seed.ID, Name: "nightly"})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.CGSnapshots.WaitForStatus(ctx, snap.ID, cgsnapshots.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	for s, err := range c.CGSnapshots.List(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(s.Name, s.Status, s.ConsistencyGroupID == seed.ID)
	}
	// Output: nightly available true
}
