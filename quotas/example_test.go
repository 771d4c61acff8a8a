package quotas_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/quotas"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
)

func ExampleManager_Usage() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Types.Create(ctx, types.CreateRequest{Name: "ssd"}); err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 5, VolumeType: "ssd"}); err != nil {
		log.Fatal(err)
	}

	u, err := c.Quotas.Usage(ctx, c.ProjectID())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("volumes: %d of %d used, %d reserved\n", u.Volumes.InUse, u.Volumes.Limit, u.Volumes.Reserved)
	fmt.Printf("ssd: %d GiB of %d\n", u.Types["ssd"].Gigabytes.InUse, u.Types["ssd"].Gigabytes.Limit)
	// Output:
	// volumes: 1 of 10 used, 0 reserved
	// ssd: 5 GiB of -1
}

// A new limit below what the project already uses is refused.
func ExampleManager_Update() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Types.Create(ctx, types.CreateRequest{Name: "ssd"}); err != nil {
		log.Fatal(err)
	}
	project := srv.ProjectID("demo")

	s, err := c.Quotas.Update(ctx, project, quotas.UpdateRequest{
		Volumes:   new(20),
		Gigabytes: new(-1), // unlimited
		Types:     map[string]quotas.TypeUpdate{"ssd": {Gigabytes: new(500)}},
	})
	if errors.Is(err, cinder.ErrBadRequest) {
		log.Fatal("below the project's usage: ", err)
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Volumes, s.Gigabytes, s.Types["ssd"].Gigabytes)
	// Output: 20 -1 500
}

func ExampleManager_Delete() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	project := srv.ProjectID("demo")
	if _, err := c.Quotas.Update(ctx, project, quotas.UpdateRequest{Volumes: new(50)}); err != nil {
		log.Fatal(err)
	}

	// back to the defaults of the "default" quota class
	if err := c.Quotas.Delete(ctx, project); err != nil {
		log.Fatal(err)
	}
	q, err := c.Quotas.Get(ctx, project)
	if err != nil {
		log.Fatal(err)
	}
	def, err := c.Quotas.GetClass(ctx, "default")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("volumes:", q.Volumes, def.Volumes)
	// Output: volumes: 10 10
}
