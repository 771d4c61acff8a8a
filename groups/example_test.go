package groups_test

import (
	"context"
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

// newGroup makes a group type "consistent", a volume type "fast" and an
// available group of them, named name.
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
	if _, err := c.GroupTypes.Create(ctx, grouptypes.CreateRequest{Name: "consistent",
		GroupSpecs: map[string]string{"consistent_group_snapshot_enabled": "<is> True"}}); err != nil {
		log.Fatal(err)
	}
	if _, err := c.Types.Create(ctx, types.CreateRequest{Name: "fast"}); err != nil {
		log.Fatal(err)
	}

	g, err := c.Groups.Create(ctx, groups.CreateRequest{
		Name:        "db-volumes",
		GroupType:   "consistent", // a group type with consistent_group_snapshot_enabled
		VolumeTypes: []string{"fast"},
	})
	if err != nil {
		log.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	if _, err := c.Groups.WaitForStatus(wctx, g.ID, groups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	// a volume joins the group when it is made…
	if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "data", Size: 10, VolumeType: "fast", GroupID: g.ID}); err != nil {
		log.Fatal(err)
	}
	// …or later
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "logs", Size: 1, VolumeType: "fast"})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	if err := c.Groups.Update(ctx, g.ID, groups.UpdateRequest{AddVolumes: []string{v.ID}}); err != nil {
		log.Fatal(err)
	}

	if g, err = c.Groups.WaitForStatus(ctx, g.ID, groups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	for v, err := range c.Volumes.List(ctx, &volumes.ListOptions{GroupID: g.ID, Sort: "name:asc"}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(g.Name, v.Name)
	}
	// Output:
	// db-volumes data
	// db-volumes logs
}

// A group snapshot gives a new group with a copy of every volume.
func ExampleManager_CreateFromSource() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	g := newGroup(ctx, c, "db-volumes")
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "data", Size: 1, VolumeType: "fast", GroupID: g.ID})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	snap, err := c.GroupSnapshots.Create(ctx, groupsnapshots.CreateRequest{GroupID: g.ID, Name: "nightly"})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.GroupSnapshots.WaitForStatus(ctx, snap.ID, groupsnapshots.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	restored, err := c.Groups.CreateFromSource(ctx, groups.CreateFromSourceRequest{
		GroupSnapshotID: snap.ID,
		Name:            "db-volumes-restored",
	})
	if err != nil {
		log.Fatal(err)
	}
	if restored, err = c.Groups.WaitForStatus(ctx, restored.ID, groups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	n, err := c.Volumes.Count(ctx, &volumes.ListOptions{GroupID: restored.ID})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(restored.Name, n, "volume")
	// Output: db-volumes-restored 1 volume
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
	if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, VolumeType: "fast", GroupID: g.ID}); err != nil {
		log.Fatal(err)
	}

	// ListVolume (microversion 3.25) fills in each group's volume IDs.
	for g, err := range c.Groups.List(ctx, &groups.ListOptions{ListVolume: true, Sort: "name:asc"}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(g.Name, g.Status, len(g.Volumes))
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
	g := newGroup(ctx, c, "db-volumes")
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, VolumeType: "fast", GroupID: g.ID})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	g, err = c.Groups.Find(ctx, "db-volumes", nil)
	if err != nil {
		log.Fatal(err)
	}
	// a group with volumes is deleted only together with them
	if err := c.Groups.Delete(ctx, g.ID, &groups.DeleteOptions{DeleteVolumes: true}); err != nil {
		log.Fatal(err)
	}
	if err := c.Groups.WaitForDeleted(ctx, g.ID, nil); err != nil {
		log.Fatal(err)
	}
	if err := c.Volumes.WaitForDeleted(ctx, v.ID, nil); err != nil {
		log.Fatal(err)
	}
	n, err := c.Volumes.Count(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(n, "volumes left")
	// Output: 0 volumes left
}
