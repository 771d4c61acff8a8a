package types_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/types"
)

func ExampleManager_List() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range []types.CreateRequest{
		{Name: "gold-private", IsPublic: new(false), ExtraSpecs: map[string]string{"tier": "gold"}},
		{Name: "silver-private", IsPublic: new(false), ExtraSpecs: map[string]string{"tier": "silver"}},
		{Name: "gold-public", ExtraSpecs: map[string]string{"tier": "gold"}},
	} {
		if _, err := c.Types.Create(ctx, r); err != nil {
			log.Fatal(err)
		}
	}

	// an admin's private types that are on the "gold" tier
	opts := &types.ListOptions{Visibility: types.VisibilityPrivate, ExtraSpecs: map[string]string{"tier": "gold"}}
	for vt, err := range c.Types.List(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(vt.Name, vt.IsPublic, vt.ExtraSpecs)
	}
	// Output: gold-private false map[tier:gold]
}

// A private type is visible to the projects given access to it.
func ExampleManager_Create() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	project := srv.ProjectID("demo")

	vt, err := c.Types.Create(ctx, types.CreateRequest{
		Name:       "fast-private",
		IsPublic:   new(false),
		ExtraSpecs: map[string]string{"volume_backend_name": "ssd"},
	})
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Types.AddAccess(ctx, vt.ID, project); err != nil {
		log.Fatal(err)
	}
	if err := c.Types.SetExtraSpec(ctx, vt.ID, "multiattach", "<is> True"); err != nil {
		log.Fatal(err)
	}

	access, err := c.Types.ListAccess(ctx, vt.ID)
	if err != nil {
		log.Fatal(err)
	}
	specs, err := c.Types.ExtraSpecs(ctx, vt.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(access), access[0].ProjectID == project)
	fmt.Println(specs)
	// Output:
	// 1 true
	// map[multiattach:<is> True volume_backend_name:ssd]
}

// GetEncryption answers nil, not an error, for a type without encryption.
func ExampleManager_GetEncryption() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Types.Create(ctx, types.CreateRequest{Name: "encrypted"}); err != nil {
		log.Fatal(err)
	}

	vt, err := c.Types.Find(ctx, "encrypted", nil)
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
	fmt.Println(e.Provider, e.Cipher, e.KeySize, e.ControlLocation)
	// Output: luks aes-xts-plain64 256 front-end
}

// Default types per project need microversion 3.62.
func ExampleManager_SetDefault() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vt, err := c.Types.Create(ctx, types.CreateRequest{Name: "fast"})
	if err != nil {
		log.Fatal(err)
	}
	project := srv.ProjectID("demo")

	d, err := c.Types.SetDefault(ctx, project, "fast")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.ProjectID == project, d.VolumeTypeID == vt.ID)
	// Output: true true
}

func ExampleManager_Update() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vt, err := c.Types.Create(ctx, types.CreateRequest{Name: "ssd"})
	if err != nil {
		log.Fatal(err)
	}

	vt, err = c.Types.Update(ctx, vt.ID, types.UpdateRequest{Name: new("ssd-v2"), Description: new("NVMe pool")})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(vt.Name+":", vt.Description)
	// Output: ssd-v2: NVMe pool
}
