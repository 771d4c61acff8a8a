package services_test

import (
	"context"
	"fmt"
	"log"

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
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	// drain a back end before maintenance…
	st, err := c.Services.Disable(ctx, services.DisableRequest{
		Host: "emulator@lvm", Binary: services.BinaryVolume, Reason: "disk replacement"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(st.Host, st.Status, st.DisabledReason)
	// …and let it take work again afterwards
	if st, err = c.Services.Enable(ctx, "emulator@lvm", services.BinaryVolume); err != nil {
		log.Fatal(err)
	}
	fmt.Println(st.Host, st.Status)
	// Output:
	// emulator@lvm disabled disk replacement
	// emulator@lvm enabled
}

func ExampleManager_SetLogLevels() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
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
	// Output: emulator@lvm cinder-volume map[cinder.volume.drivers:DEBUG]
}
