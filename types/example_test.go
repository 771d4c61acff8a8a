package types_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/types"
)

func ExampleManager_List() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud"), Microversion: "3.52"})
	if err != nil {
		log.Fatal(err)
	}
	// an admin's private types that are on the "gold" tier
	opts := &types.ListOptions{Visibility: types.VisibilityPrivate, ExtraSpecs: map[string]string{"tier": "gold"}}
	for vt, err := range c.Types.List(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(vt.Name, vt.ExtraSpecs)
	}
}

func ExampleManager_Create() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	vt, err := c.Types.Create(ctx, types.CreateRequest{
		Name:       "fast-private",
		IsPublic:   new(false),
		ExtraSpecs: map[string]string{"volume_backend_name": "ssd"},
	})
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Types.AddAccess(ctx, vt.ID, "6f70656e737461636b20697320636f6f6c"); err != nil {
		log.Fatal(err)
	}
	if err := c.Types.SetExtraSpec(ctx, vt.ID, "multiattach", "<is> True"); err != nil {
		log.Fatal(err)
	}
}

func ExampleManager_GetEncryption() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud")})
	if err != nil {
		log.Fatal(err)
	}
	vt, err := c.Types.Find(ctx, "fast-private", nil)
	if err != nil {
		log.Fatal(err)
	}
	e, err := c.Types.GetEncryption(ctx, vt.ID)
	if err != nil {
		log.Fatal(err)
	}
	if e == nil {
		e, err = c.Types.CreateEncryption(ctx, vt.ID, types.CreateEncryptionRequest{
			Provider: "luks", ControlLocation: types.FrontEnd, Cipher: "aes-xts-plain64", KeySize: 256})
		if err != nil {
			log.Fatal(err)
		}
	}
	fmt.Println(e.Provider, e.KeySize)
}

func ExampleManager_SetDefault() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud"), Microversion: "3.62"})
	if err != nil {
		log.Fatal(err)
	}
	d, err := c.Types.SetDefault(ctx, "6f70656e737461636b20697320636f6f6c", "fast-private")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.ProjectID, "now defaults to", d.VolumeTypeID)
}
