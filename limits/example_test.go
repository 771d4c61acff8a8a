package limits_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/limits"
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
	if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 10}); err != nil {
		log.Fatal(err)
	}

	l, err := c.Limits.Get(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	a := l.Absolute
	fmt.Printf("volumes %d/%d, %d/%d GiB\n", a.TotalVolumesUsed, a.MaxTotalVolumes, a.TotalGigabytesUsed, a.MaxTotalVolumeGigabytes)
	for _, r := range l.Rate { // empty unless the cloud runs the rate-limit middleware
		for _, x := range r.Limits {
			fmt.Println(x.Verb, r.URI, x.Remaining, "of", x.Value, "per", x.Unit)
		}
	}
	// Output: volumes 1/10, 10/1000 GiB
}

// An admin reads another project's limits (microversion 3.39).
func ExampleManager_Get_otherProject() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	demo, err := srv.ClientAs(ctx, "demo", cinder.Options{})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := demo.Volumes.Create(ctx, volumes.CreateRequest{Size: 3}); err != nil {
		log.Fatal(err)
	}

	l, err := c.Limits.Get(ctx, &limits.Options{ProjectID: srv.ProjectID("demo")})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(l.Absolute.TotalVolumesUsed, l.Absolute.TotalGigabytesUsed)
	// Output: 1 3
}
