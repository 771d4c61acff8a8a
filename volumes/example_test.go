package volumes_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
)

// The examples run against cindertest, the in-memory Keystone + Cinder; with
// a real cloud, get the client from cinder.New instead (see the root
// package's ExampleNew).

func ExampleManager_List() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range []volumes.CreateRequest{{Name: "db", Size: 10}, {Name: "logs", Size: 2}, {Name: "web", Size: 1}} {
		if _, err := c.Volumes.Create(ctx, r); err != nil {
			log.Fatal(err)
		}
	}

	opts := &volumes.ListOptions{Status: volumes.StatusAvailable, Sort: "size:desc"}
	for v, err := range c.Volumes.List(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(v.Name, v.Size)
	}
	// Output:
	// db 10
	// logs 2
	// web 1
}

// ListPage returns one page and the marker of the next; List does this for
// you, page after page.
func ExampleManager_ListPage() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"a", "b", "c"} {
		if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: name, Size: 1}); err != nil {
			log.Fatal(err)
		}
	}

	opts := &volumes.ListOptions{Limit: 2, Sort: "name:asc"}
	for page := 1; ; page++ {
		vols, next, err := c.Volumes.ListPage(ctx, opts)
		if err != nil {
			log.Fatal(err)
		}
		for _, v := range vols {
			fmt.Println(page, v.Name)
		}
		if next == "" {
			break
		}
		opts.Marker = next
	}
	// Output:
	// 1 a
	// 1 b
	// 2 c
}

func ExampleManager_Create() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}

	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 10, Name: "data", Metadata: map[string]string{"team": "db"}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Name, v.Status)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	if v, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Name, v.Status, v.Size, v.Metadata["team"])
	// Output:
	// data creating
	// data available 10 db
}

func ExampleManager_Retype() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Types.Create(ctx, types.CreateRequest{Name: "fast-ssd"}); err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "db", Size: 1})
	if err != nil {
		log.Fatal(err)
	}

	if err := c.Volumes.Retype(ctx, v.ID, "fast-ssd", volumes.MigrateOnDemand); err != nil {
		log.Fatal(err)
	}
	v, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Name, v.VolumeType)
	// Output: db fast-ssd
}

// WaitForStatus polls until the volume reaches the status, fails fast on an
// error status, and stops at the context's deadline.
func ExampleManager_WaitForStatus() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{Capacity: 100}) // a small back end
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "huge", Size: 500}) // does not fit
	if err != nil {
		log.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	_, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
	var se *cinder.StatusError
	switch {
	case errors.As(err, &se):
		fmt.Println("volume failed:", se.Status)
	case errors.Is(err, context.DeadlineExceeded):
		fmt.Println("still not available after 10 minutes")
	case err != nil:
		log.Fatal(err)
	}
	// Output: volume failed: error
}

func ExampleManager_WaitForDeleted() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "scratch", Size: 1})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	if err := c.Volumes.Delete(ctx, v.ID, nil); err != nil {
		log.Fatal(err)
	}
	if err := c.Volumes.WaitForDeleted(ctx, v.ID, nil); err != nil {
		log.Fatal(err)
	}
	_, err = c.Volumes.Get(ctx, v.ID)
	fmt.Println(errors.Is(err, cinder.ErrNotFound))
	// Output: true
}

func ExampleManager_Find() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"data", "twin", "twin"} {
		if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: name, Size: 1}); err != nil {
			log.Fatal(err)
		}
	}

	for _, name := range []string{"data", "twin", "nope"} {
		v, err := c.Volumes.Find(ctx, name, nil)
		var amb *cinder.AmbiguousError
		switch {
		case errors.Is(err, cinder.ErrNotFound):
			fmt.Println(name, "no such volume")
		case errors.As(err, &amb):
			fmt.Println(name, "pick one of", len(amb.IDs))
		case err != nil:
			log.Fatal(err)
		default:
			fmt.Println(name, "found", v.Size)
		}
	}
	// Output:
	// data found 1
	// twin pick one of 2
	// nope no such volume
}

func ExampleManager_Extend() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "db", Size: 1})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	if err := c.Volumes.Extend(ctx, v.ID, 5); err != nil {
		log.Fatal(err)
	}
	v, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Name, v.Size)
	// Output: db 5
}

func ExampleManager_Update() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "old", Description: "first", Size: 1})
	if err != nil {
		log.Fatal(err)
	}

	// A nil field is left alone; new("") would clear it.
	v, err = c.Volumes.Update(ctx, v.ID, volumes.UpdateRequest{Name: new("new")})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s %q\n", v.Name, v.Description)
	// Output: new "first"
}

func ExampleManager_SetMetadata() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "db", Size: 1, Metadata: map[string]string{"team": "a"}})
	if err != nil {
		log.Fatal(err)
	}

	// SetMetadata adds and overwrites keys; ReplaceMetadata replaces them all.
	md, err := c.Volumes.SetMetadata(ctx, v.ID, map[string]string{"tier": "gold"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(md["team"], md["tier"])
	if err := c.Volumes.DeleteMetadata(ctx, v.ID, "team"); err != nil {
		log.Fatal(err)
	}
	md, err = c.Volumes.Metadata(ctx, v.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(md)
	// Output:
	// a gold
	// map[tier:gold]
}

// From 3.15 on, metadata carries an ETag: ReplaceMetadataIfMatch fails with
// cinder.ErrPrecondition when someone changed it in between.
func ExampleManager_ReplaceMetadataIfMatch() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.ClientAs(ctx, "admin", cinder.Options{Microversion: "3.15"})
	if err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "db", Size: 1})
	if err != nil {
		log.Fatal(err)
	}

	id := v.ID
	for {
		md, etag, err := c.Volumes.MetadataWithETag(ctx, id)
		if err != nil {
			log.Fatal(err)
		}
		md["owner"] = "team-a"
		md, err = c.Volumes.ReplaceMetadataIfMatch(ctx, id, md, etag)
		if errors.Is(err, cinder.ErrPrecondition) {
			continue // someone else changed it: read again
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(md)
		return
	}
	// Output: map[owner:team-a]
}

// The legacy attach flow: reserve, export to the host, record the attachment.
// (From 3.27 on, the attachments package does all three in one API.)
func ExampleManager_InitializeConnection() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "db", Size: 1})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	id := v.ID
	if err := c.Volumes.Reserve(ctx, id); err != nil {
		log.Fatal(err)
	}
	info, err := c.Volumes.InitializeConnection(ctx, id, volumes.Connector{Host: "node1", IP: "192.0.2.10",
		Initiator: "iqn.1993-08.org.debian:01:node1", Extra: map[string]any{"system uuid": "…"}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.DriverVolumeType, info.Data["access_mode"])
	if err := c.Volumes.Attach(ctx, id, volumes.AttachRequest{HostName: "node1", MountPoint: "/dev/vdb"}); err != nil {
		log.Fatal(err)
	}
	v, err = c.Volumes.Get(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Status, v.Attachments[0].Device)
	// Output:
	// local rw
	// in-use /dev/vdb
}

func ExampleManager_SetBootable() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "root", Size: 1})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	if err := c.Volumes.SetBootable(ctx, v.ID, true); err != nil {
		log.Fatal(err)
	}
	for v, err := range c.Volumes.List(ctx, &volumes.ListOptions{Bootable: new(true)}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(v.Name, v.Bootable)
	}
	// Output: root true
}

// ResetStatus is the admin's way out of a stuck status; it changes only the
// database, nothing on the back end.
func ExampleManager_ResetStatus() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "stuck", Size: 1})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	if err := c.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{Status: volumes.StatusError}); err != nil {
		log.Fatal(err)
	}
	v, err = c.Volumes.Get(ctx, v.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Status)
	// Output: error
}

func ExampleManager_Summary() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, size := range []int{1, 2, 3} {
		if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: size}); err != nil {
			log.Fatal(err)
		}
	}

	s, err := c.Volumes.Summary(ctx, false)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.TotalCount, "volumes,", s.TotalSize, "GiB")
	// Output: 3 volumes, 6 GiB
}

func ExampleManager_RevertToSnapshot() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx) // the highest microversion; reverting needs 3.40
	if err != nil {
		log.Fatal(err)
	}
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "db", Size: 1})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}
	snap, err := c.Snapshots.Create(ctx, snapshots.CreateRequest{VolumeID: v.ID, Name: "before"})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Snapshots.WaitForStatus(ctx, snap.ID, snapshots.StatusAvailable, nil); err != nil {
		log.Fatal(err)
	}

	if err := c.Volumes.RevertToSnapshot(ctx, v.ID, snap.ID); err != nil {
		log.Fatal(err)
	}
	v, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Name, v.Status)
	// Output: db available
}
