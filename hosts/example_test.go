package hosts_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/hosts"
)

func ExampleManager_Get() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	usage, err := c.Hosts.Get(ctx, "node1@lvm")
	if err != nil {
		log.Fatal(err)
	}
	for _, u := range usage {
		if u.Project == hosts.Total {
			fmt.Println("all projects:", u.VolumeCount, "volumes,", u.TotalVolumeGB, "GiB")
			continue
		}
		fmt.Println(u.Project, u.VolumeCount, "volumes,", u.TotalVolumeGB, "GiB")
	}
}
