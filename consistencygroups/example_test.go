package consistencygroups_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/gocinder/cinder"
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

	g, err := c.ConsistencyGroups.Create(ctx, consistencygroups.CreateRequest{
		Name:        "db-volumes",
		VolumeTypes: []string{"fast"},
	})
	if err != nil {
		log.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	// a backend without consistency group support leaves it in "error":
	// that ends the wait with a *cinder.StatusError
	if _, err := c.ConsistencyGroups.WaitForStatus(wctx, g.ID, consistencygroups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "data", Size: 1, VolumeType: "fast"})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	err = c.ConsistencyGroups.Update(ctx, g.ID, consistencygroups.UpdateRequest{
		AddVolumes: []string{v.ID},
	})
	if err != nil {
		log.Fatal(err)
	}
	if v, err = c.Volumes.Get(ctx, v.ID); err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Name, "in the group:", v.GroupID == g.ID) // legacy groups are generic groups since Queens
	// Output: data in the group: true
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

	for g, err := range c.ConsistencyGroups.List(ctx, &consistencygroups.ListOptions{Status: consistencygroups.StatusAvailable}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(g.Name, g.Status, len(g.VolumeTypes))
	}
	// Output: db-volumes available 1
}

func ExampleManager_Delete() {
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

	g, err := c.ConsistencyGroups.Find(ctx, "db-volumes", nil)
	if err != nil {
		log.Fatal(err)
	}
	// Force deletes the group's volumes too
	if err := c.ConsistencyGroups.Delete(ctx, g.ID, &consistencygroups.DeleteOptions{Force: true}); err != nil {
		log.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	if err := c.ConsistencyGroups.WaitForDeleted(wctx, g.ID, nil); err != nil {
		log.Fatal(err)
	}
	_, err = c.ConsistencyGroups.Get(ctx, g.ID)
	fmt.Println(errors.Is(err, cinder.ErrNotFound))
	// Output: true
}
