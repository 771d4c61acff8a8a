package limits_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/limits"
)

func ExampleManager_Get() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	l, err := c.Limits.Get(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	a := l.Absolute
	fmt.Printf("volumes %d/%d, %d/%d GiB\n", a.TotalVolumesUsed, a.MaxTotalVolumes, a.TotalGigabytesUsed, a.MaxTotalVolumeGigabytes)
	for _, r := range l.Rate {
		for _, x := range r.Limits {
			fmt.Println(x.Verb, r.URI, x.Remaining, "of", x.Value, "per", x.Unit)
		}
	}
}

func ExampleManager_Get_otherProject() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud-admin"), Microversion: "3.39"})
	if err != nil {
		log.Fatal(err)
	}
	l, err := c.Limits.Get(ctx, &limits.Options{ProjectID: "8a3d0b8f3c0c4a4f9f37e1f1d0b1b7a2"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(l.Absolute.Raw)
}
