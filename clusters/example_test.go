package clusters_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/clusters"
)

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud"), Microversion: "3.26"})
	if err != nil {
		log.Fatal(err)
	}
	list, err := c.Clusters.List(ctx, &clusters.ListOptions{IsUp: new(false)})
	if err != nil {
		log.Fatal(err)
	}
	for _, cl := range list {
		fmt.Println(cl.Name, cl.Binary, cl.NumDownHosts, "of", cl.NumHosts, "hosts down")
	}
}

func ExampleManager_Disable() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	cl, err := c.Clusters.Disable(ctx, clusters.DisableRequest{Name: "ceph-cluster", Reason: "upgrade"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cl.Name, cl.Status)
}
