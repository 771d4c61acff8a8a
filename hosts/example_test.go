package hosts_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/hosts"
	"github.com/gocinder/cinder/volumes"
)

func ExampleManager_Get() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 4}); err != nil {
		log.Fatal(err)
	}

	usage, err := c.Hosts.Get(ctx, "emulator@lvm")
	if err != nil {
		log.Fatal(err)
	}
	for _, u := range usage {
		if u.Project == hosts.Total {
			fmt.Println("all projects:", u.VolumeCount, "volumes,", u.TotalVolumeGB, "GiB")
			continue
		}
		fmt.Println(u.Project == srv.ProjectID("admin"), u.VolumeCount, "volumes,", u.TotalVolumeGB, "GiB")
	}
	// Output:
	// all projects: 1 volumes, 4 GiB
	// true 1 volumes, 4 GiB
}
