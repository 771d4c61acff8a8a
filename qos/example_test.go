package qos_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/qos"
)

func ExampleManager_Create() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	s, err := c.QoS.Create(ctx, qos.CreateRequest{
		Name:     "capped",
		Consumer: qos.ConsumerFrontEnd,
		Specs:    map[string]string{"total_iops_sec": "500"},
	})
	if err != nil {
		log.Fatal(err)
	}
	vt, err := c.Types.Find(ctx, "standard", nil)
	if err != nil {
		log.Fatal(err)
	}
	if err := c.QoS.Associate(ctx, s.ID, vt.ID); err != nil {
		log.Fatal(err)
	}
}

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	for s, err := range c.QoS.List(ctx, &qos.ListOptions{Sort: "created_at:desc"}) {
		if err != nil {
			log.Fatal(err)
		}
		assoc, err := c.QoS.Associations(ctx, s.ID)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(s.Name, s.Consumer, s.Specs, len(assoc), "types")
	}
}

func ExampleManager_Delete() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	s, err := c.QoS.Find(ctx, "capped", nil)
	if err != nil {
		log.Fatal(err)
	}
	// force: disassociate it from its volume types first
	if err := c.QoS.Delete(ctx, s.ID, true); err != nil {
		log.Fatal(err)
	}
}
