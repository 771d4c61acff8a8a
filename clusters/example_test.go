package clusters_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/clusters"
)

func ExampleManager_List() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	list, err := c.Clusters.List(ctx, &clusters.ListOptions{IsUp: new(false)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(list), "clusters down") // the emulator runs no clustered services
	for _, cl := range list {
		fmt.Println(cl.Name, cl.Binary, cl.NumDownHosts, "of", cl.NumHosts, "hosts down")
	}
	// Output: 0 clusters down
}

func ExampleManager_Disable() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	// The emulator runs no clustered services, so it has no cluster to
	// disable; on a cloud with one this prints its name and "disabled".
	cl, err := c.Clusters.Disable(ctx, clusters.DisableRequest{Name: "ceph-cluster", Reason: "upgrade"})
	if errors.Is(err, cinder.ErrNotFound) {
		fmt.Println("no cluster ceph-cluster")
		return
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cl.Name, cl.Status)
	// Output: no cluster ceph-cluster
}
