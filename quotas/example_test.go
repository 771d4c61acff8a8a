package quotas_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/quotas"
)

func ExampleManager_Usage() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	u, err := c.Quotas.Usage(ctx, c.ProjectID())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("volumes: %d of %d used, %d reserved\n", u.Volumes.InUse, u.Volumes.Limit, u.Volumes.Reserved)
	for typ, q := range u.Types {
		fmt.Printf("%s: %d GiB of %d\n", typ, q.Gigabytes.InUse, q.Gigabytes.Limit)
	}
}

func ExampleManager_Update() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud-admin")})
	if err != nil {
		log.Fatal(err)
	}
	const project = "8a3d0b8f3c0c4a4f9f37e1f1d0b1b7a2"
	s, err := c.Quotas.Update(ctx, project, quotas.UpdateRequest{
		Volumes:   new(20),
		Gigabytes: new(-1), // unlimited
		Types:     map[string]quotas.TypeUpdate{"ssd": {Gigabytes: new(500)}},
	})
	if errors.Is(err, cinder.ErrBadRequest) {
		log.Fatal("below current usage, or no such volume type: ", err)
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Volumes, s.Types["ssd"].Gigabytes)
}

func ExampleManager_Delete() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud-admin")})
	if err != nil {
		log.Fatal(err)
	}
	// back to the defaults of the "default" quota class
	if err := c.Quotas.Delete(ctx, "8a3d0b8f3c0c4a4f9f37e1f1d0b1b7a2"); err != nil {
		log.Fatal(err)
	}
	def, err := c.Quotas.GetClass(ctx, "default")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("volumes:", def.Volumes)
}
