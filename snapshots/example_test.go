package snapshots_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/volumes"
)

// newVolume creates an available volume for the examples to snapshot.
func newVolume(ctx context.Context, c *cinder.Client, name string) *volumes.Volume {
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: name, Size: 1})
	if err != nil {
		log.Fatal(err)
	}
	if v, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	return v
}

func ExampleManager_Create() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, c, "db")

	s, err := c.Snapshots.Create(ctx, snapshots.CreateRequest{
		VolumeID: vol.ID,
		Name:     "before-upgrade",
		Metadata: map[string]string{"ticket": "OPS-42"},
	})
	if err != nil {
		log.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	s, err = c.Snapshots.WaitForStatus(wctx, s.ID, snapshots.StatusAvailable, nil)
	var serr *cinder.StatusError
	if errors.As(err, &serr) {
		log.Fatalf("snapshot %s failed: %s", serr.ID, serr.Status)
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Name, s.Status, s.Size, s.Metadata["ticket"])
	// Output: before-upgrade available 1 OPS-42
}

func ExampleManager_List() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, c, "db")
	for _, name := range []string{"nightly", "hourly"} {
		if _, err := c.Snapshots.Create(ctx, snapshots.CreateRequest{VolumeID: vol.ID, Name: name}); err != nil {
			log.Fatal(err)
		}
	}

	// Sorting by name needs microversion 3.30; this client has the highest.
	opts := &snapshots.ListOptions{VolumeID: vol.ID, Sort: "name:asc"}
	for s, err := range c.Snapshots.List(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(s.Name, s.Size)
	}
	// Output:
	// hourly 1
	// nightly 1
}

func ExampleManager_Find() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, c, "db")
	if _, err := c.Snapshots.Create(ctx, snapshots.CreateRequest{VolumeID: vol.ID, Name: "before-upgrade"}); err != nil {
		log.Fatal(err)
	}

	s, err := c.Snapshots.Find(ctx, "before-upgrade", nil)
	if errors.Is(err, cinder.ErrNotFound) {
		fmt.Println("no such snapshot")
		return
	}
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Snapshots.WaitForStatus(ctx, s.ID, snapshots.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	if err := c.Snapshots.Delete(ctx, s.ID); err != nil {
		log.Fatal(err)
	}
	if err := c.Snapshots.WaitForDeleted(ctx, s.ID, nil); err != nil {
		log.Fatal(err)
	}
	_, err = c.Snapshots.Find(ctx, "before-upgrade", nil)
	fmt.Println(errors.Is(err, cinder.ErrNotFound))
	// Output: true
}

func ExampleManager_SetMetadataItem() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, c, "db")
	s, err := c.Snapshots.Create(ctx, snapshots.CreateRequest{VolumeID: vol.ID})
	if err != nil {
		log.Fatal(err)
	}

	if err := c.Snapshots.SetMetadataItem(ctx, s.ID, "retain", "30d"); err != nil {
		log.Fatal(err)
	}
	md, err := c.Snapshots.Metadata(ctx, s.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(md["retain"])
	// Output: 30d
}

func ExampleManager_Update() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, c, "db")
	s, err := c.Snapshots.Create(ctx, snapshots.CreateRequest{VolumeID: vol.ID, Name: "snap"})
	if err != nil {
		log.Fatal(err)
	}

	s, err = c.Snapshots.Update(ctx, s.ID, snapshots.UpdateRequest{Name: new("kept"), Description: new("keep for audit")})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Name+":", s.Description)
	// Output: kept: keep for audit
}

// A volume is created from a snapshot with volumes.CreateRequest.SnapshotID.
func ExampleManager_Create_newVolume() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, c, "db")
	s, err := c.Snapshots.Create(ctx, snapshots.CreateRequest{VolumeID: vol.ID})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Snapshots.WaitForStatus(ctx, s.ID, snapshots.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "db-copy", SnapshotID: s.ID})
	if err != nil {
		log.Fatal(err)
	}
	if v, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Name, v.Size, v.SnapshotID == s.ID)
	// Output: db-copy 1 true
}
