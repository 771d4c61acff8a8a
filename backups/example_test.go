package backups_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/volumes"
)

// newVolume creates an available volume for the examples to back up.
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
	c, err := srv.Client(ctx) // metadata needs microversion 3.43; this client has the highest
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, c, "db")

	b, err := c.Backups.Create(ctx, backups.CreateRequest{
		VolumeID: vol.ID,
		Name:     "nightly",
		Metadata: map[string]string{"schedule": "daily"},
	})
	if err != nil {
		log.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, time.Hour)
	defer cancel()
	b, err = c.Backups.WaitForStatus(wctx, b.ID, backups.StatusAvailable, nil)
	var serr *cinder.StatusError
	if errors.As(err, &serr) {
		log.Fatalf("backup %s failed: %s", serr.ID, serr.Status)
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(b.Name, b.Status, b.Size, b.IsIncremental, b.Metadata["schedule"])
	// Output: nightly available 1 false daily
}

// An incremental backup builds on the volume's latest one; the full backup
// then has a dependent and cannot be deleted first.
func ExampleManager_Create_incremental() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, c, "db")
	full, err := c.Backups.Create(ctx, backups.CreateRequest{VolumeID: vol.ID, Name: "full"})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Backups.WaitForStatus(ctx, full.ID, backups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	inc, err := c.Backups.Create(ctx, backups.CreateRequest{VolumeID: vol.ID, Name: "inc", Incremental: true})
	if err != nil {
		log.Fatal(err)
	}
	if inc, err = c.Backups.WaitForStatus(ctx, inc.ID, backups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	if full, err = c.Backups.Get(ctx, full.ID); err != nil {
		log.Fatal(err)
	}
	fmt.Println(inc.Name, inc.IsIncremental)
	fmt.Println(full.Name, full.HasDependentBackups)
	// Output:
	// inc true
	// full true
}

func ExampleManager_Restore() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, c, "db")
	b, err := c.Backups.Create(ctx, backups.CreateRequest{VolumeID: vol.ID, Name: "nightly"})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Backups.WaitForStatus(ctx, b.ID, backups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	b, err = c.Backups.Find(ctx, "nightly", nil)
	if err != nil {
		log.Fatal(err)
	}
	r, err := c.Backups.Restore(ctx, b.ID, backups.RestoreRequest{Name: "restored-nightly"})
	if err != nil {
		log.Fatal(err)
	}
	// the backup is "restoring" until the data is back in the volume
	if _, err := c.Backups.WaitForStatus(ctx, b.ID, backups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.WaitForStatus(ctx, r.VolumeID, volumes.StatusAvailable, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("restored to", v.Name, v.Size)
	// Output: restored to restored-nightly 1
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
	for _, name := range []string{"monday", "tuesday"} {
		b, err := c.Backups.Create(ctx, backups.CreateRequest{VolumeID: vol.ID, Name: name})
		if err != nil {
			log.Fatal(err)
		}
		if _, err := c.Backups.WaitForStatus(ctx, b.ID, backups.StatusAvailable, nil); err != nil {
			log.Fatal(err)
		}
	}

	// Sorting by name needs microversion 3.37.
	for b, err := range c.Backups.List(ctx, &backups.ListOptions{VolumeID: vol.ID, Sort: "name:desc"}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(b.Name, b.Status)
	}
	// Output:
	// tuesday available
	// monday available
}

// A backup record moves a backup to another cloud (or region) that shares
// the backup store: export it on one side, import it on the other.
func ExampleManager_ExportRecord() {
	ctx := context.Background()
	old := cindertest.NewServer(cindertest.Options{})
	defer old.Close()
	next := cindertest.NewServer(cindertest.Options{})
	defer next.Close()
	src, err := old.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	dst, err := next.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, src, "db")
	b, err := src.Backups.Create(ctx, backups.CreateRequest{VolumeID: vol.ID, Name: "nightly"})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := src.Backups.WaitForStatus(ctx, b.ID, backups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	rec, err := src.Backups.ExportRecord(ctx, b.ID)
	if err != nil {
		log.Fatal(err)
	}
	imported, err := dst.Backups.ImportRecord(ctx, *rec)
	if err != nil {
		log.Fatal(err)
	}
	imported, err = dst.Backups.WaitForStatus(ctx, imported.ID, backups.StatusAvailable, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("imported", imported.ID == b.ID, imported.Status)
	// Output: imported true available
}

func ExampleManager_Delete() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vol := newVolume(ctx, c, "db")
	b, err := c.Backups.Create(ctx, backups.CreateRequest{VolumeID: vol.ID})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Backups.WaitForStatus(ctx, b.ID, backups.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	if err := c.Backups.Delete(ctx, b.ID); err != nil {
		log.Fatal(err)
	}
	if err := c.Backups.WaitForDeleted(ctx, b.ID, nil); err != nil {
		log.Fatal(err)
	}
	n, err := c.Backups.Count(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(n, "backups left")
	// Output: 0 backups left
}
