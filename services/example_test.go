package services_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/services"
)

func ExampleManager_List() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}

	list, err := c.Services.List(ctx, &services.ListOptions{Binary: services.BinaryVolume})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range list {
		fmt.Println(s.Host, s.Status, s.State, s.DisabledReason)
	}
	// Output: emulator@lvm enabled up
}

func ExampleManager_Disable() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	// drain a back end before maintenance…
	if _, err := c.Services.Disable(ctx, services.DisableRequest{
		Host: "node1@lvm", Binary: services.BinaryVolume, Reason: "disk replacement"}); err != nil {
		log.Fatal(err)
	}
	// …and let it take work again afterwards
	if _, err := c.Services.Enable(ctx, "node1@lvm", services.BinaryVolume); err != nil {
		log.Fatal(err)
	}
}

func ExampleManager_SetLogLevels() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud"), Microversion: "3.32"})
	if err != nil {
		log.Fatal(err)
	}
	f := services.LogFilter{Binary: services.BinaryVolume, Prefix: "cinder.volume.drivers"}
	if err := c.Services.SetLogLevels(ctx, f, services.LevelDebug); err != nil {
		log.Fatal(err)
	}
	levels, err := c.Services.LogLevels(ctx, f)
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range levels {
		fmt.Println(l.Host, l.Binary, l.Levels)
	}
}

func ExampleManager_Failover() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	err = c.Services.Failover(ctx, services.FailoverRequest{
		Target: services.Target{Host: "node1@ceph"}, BackendID: "secondary"})
	if err != nil {
		log.Fatal(err)
	}
}
