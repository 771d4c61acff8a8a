package main

import (
	"context"
	"github.com/gocinder/cinder/internal/pyfmt"
	"strconv"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/types"
)

// encryptionColumns are the columns of cinderclient's encryption type tables.
var encryptionColumns = []string{"Volume Type ID", "Provider", "Cipher", "Key Size", "Control Location"}

// encryptionCommands: encryption-type-list/-show/-create/-update/-delete.
func (a *app) encryptionCommands() []command {
	return []command{
		{
			name:  "encryption-type-list",
			help:  "Shows encryption type details for volume types. Admin only.",
			short: "Shows encryption type details for volume types. Admin only.",
			run: func(ctx context.Context, _ []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				var list []types.Encryption
				for e, err := range c.Types.ListEncryptions(rctx) {
					if err != nil {
						return err
					}
					list = append(list, e)
				}
				return a.printEncryptions(rb, list)
			},
		},
		{
			name:  "encryption-type-show",
			help:  "Shows encryption type details for a volume type. Admin only.",
			short: "Shows encryption type details for a volume type. Admin only.",
			args:  []posArg{{name: "<volume_type>", help: "Name or ID of volume type."}},
			run: func(ctx context.Context, args []string) error {
				return a.showEncryption(ctx, args[0], nil)
			},
		},
		a.encryptionCreateCommand(),
		a.encryptionUpdateCommand(),
		{
			name:  "encryption-type-delete",
			help:  "Deletes encryption type for a volume type. Admin only.",
			short: "Deletes encryption type for a volume type. Admin only.",
			args:  []posArg{{name: "<volume_type>", help: "Name or ID of volume type."}},
			run: func(ctx context.Context, args []string) error {
				t, err := a.findType(ctx, args[0])
				if err != nil {
					return err
				}
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return c.Types.DeleteEncryption(ctx, t.ID)
			},
		},
	}
}

// showEncryption finds the type, optionally changes its encryption (with
// update), then prints its encryption (an empty table when it has none).
func (a *app) showEncryption(ctx context.Context, ref string, update func(ctx context.Context, typeID string) error) error {
	t, err := a.findType(ctx, ref)
	if err != nil {
		return err
	}
	if update != nil {
		if err := update(ctx, t.ID); err != nil {
			return err
		}
	}
	c, err := a.cinder(ctx)
	if err != nil {
		return err
	}
	rctx, rb := withRaw(ctx)
	e, err := c.Types.GetEncryption(rctx, t.ID)
	if err != nil {
		return err
	}
	var list []types.Encryption
	if e != nil {
		list = append(list, *e)
	}
	return a.printEncryptions(rb, list)
}

// printEncryptions prints encryption specs from the server's JSON: Cinder
// sends them bare (GET) or under "encryption" (POST).
func (a *app) printEncryptions(rb *rawBodies, list []types.Encryption) error {
	byType := map[string]*pyfmt.Object{}
	for _, o := range rawEncryptions(rb) {
		if id, ok := o.Value("volume_type_id").(string); ok {
			byType[id] = o
		}
	}
	raws := make([]*pyfmt.Object, 0, len(list))
	for _, e := range list {
		o := byType[e.VolumeTypeID]
		if o == nil {
			var err error
			if o, err = orderedObject(e); err != nil {
				return err
			}
		}
		// cinderclient sends unset fields as null, which Cinder's answer
		// echoes; this client leaves them out, so show them as null
		for _, k := range []string{"cipher", "key_size"} {
			if _, ok := o.Get(k); !ok {
				o.Set(k, nil)
			}
		}
		raws = append(raws, o)
	}
	cols, rows := listRows(raws, encryptionColumns, false)
	return a.printList(cols, rows, 0)
}

// rawEncryptions returns the captured encryption objects.
func rawEncryptions(rb *rawBodies) []*pyfmt.Object {
	rb.mu.Lock()
	bodies := append([][]byte(nil), rb.bodies...)
	rb.mu.Unlock()
	var out []*pyfmt.Object
	for _, b := range bodies {
		v, err := pyfmt.Decode(b)
		if err != nil {
			continue
		}
		o, ok := v.(*pyfmt.Object)
		if !ok {
			continue
		}
		if inner, ok := o.Value("encryption").(*pyfmt.Object); ok {
			o = inner
		}
		if _, ok := o.Get("volume_type_id"); ok {
			out = append(out, o)
		}
	}
	return out
}

func (a *app) encryptionCreateCommand() command {
	var cipher, location string
	var keySize int
	var flags *pflag.FlagSet
	return command{
		name:  "encryption-type-create",
		help:  "Creates encryption type for a volume type. Admin only.",
		short: "Creates encryption type for a volume type. Admin only.",
		args: []posArg{
			{name: "<volume_type>", help: "Name or ID of volume type."},
			{name: "<provider>", help: `The encryption provider format. For example, "luks" or "plain".`},
		},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			strFlag(fs, &cipher, "cipher", "<cipher>", "", "The encryption algorithm or mode. For example, aes-xts-plain64. Default=None.")
			fs.IntVar(&keySize, "key-size", 0, "Size of encryption key, in bits. For example, 128 or 256. Default=None.")
			setMeta(fs, "key-size", "<key_size>")
			strFlag(fs, &location, "control-location", "<control_location>", "front-end",
				`Notional service where encryption is performed. Valid values are "front-end" or "back-end". For example, front-end=Nova. Default is "front-end".`)
		},
		run: func(ctx context.Context, args []string) error {
			if err := checkLocation(location); err != nil {
				return err
			}
			if flags.Changed("key-size") && keySize <= 0 {
				return usagef("argument --key-size: must be a positive number of bits, not %d", keySize)
			}
			t, err := a.findType(ctx, args[0])
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			e, err := c.Types.CreateEncryption(rctx, t.ID, types.CreateEncryptionRequest{
				Provider: args[1], Cipher: cipher, KeySize: keySize, ControlLocation: types.ControlLocation(location),
			})
			if err != nil {
				return err
			}
			return a.printEncryptions(rb, []types.Encryption{*e})
		},
	}
}

func checkLocation(s string) error {
	if s != string(types.FrontEnd) && s != string(types.BackEnd) {
		return usagef("argument --control-location: invalid choice: '%s' (choose from 'front-end', 'back-end')", s)
	}
	return nil
}

// providerDefault is what a bare --cipher or --key-size stands for.
const providerDefault = "\x00provider-default"

func (a *app) encryptionUpdateCommand() command {
	var provider, cipher, keySize, location string
	var flags *pflag.FlagSet
	return command{
		name: "encryption-type-update",
		help: "Update encryption type information for a volume type (Admin Only).",
		args: []posArg{{name: "<volume-type>", help: "Name or ID of the volume type"}},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			strFlag(fs, &provider, "provider", "<provider>", "", "Encryption provider format (e.g. 'luks' or 'plain').")
			strFlag(fs, &cipher, "cipher", "<cipher>", "",
				"Encryption algorithm/mode to use (e.g., aes-xts-plain64). Provide parameter without value to set to provider default.")
			optValue(fs, "cipher", providerDefault, "*")
			strFlag(fs, &keySize, "key-size", "<key-size>", "",
				"Size of the encryption key, in bits (e.g., 128, 256). Provide parameter without value to set to provider default.")
			optValue(fs, "key-size", providerDefault, "*")
			strFlag(fs, &location, "control-location", "<control-location>", "",
				"Notional service where encryption is performed (e.g., front-end=Nova). Values: 'front-end', 'back-end'")
		},
		run: func(ctx context.Context, args []string) error {
			var req types.UpdateEncryptionRequest
			if flags.Changed("provider") {
				req.Provider = &provider
			}
			switch {
			case cipher == providerDefault:
				req.ClearCipher = true
			case flags.Changed("cipher"):
				req.Cipher = &cipher
			}
			switch {
			case keySize == providerDefault:
				req.ClearKeySize = true
			case flags.Changed("key-size"):
				n, err := strconv.Atoi(keySize)
				if err != nil {
					return usagef("argument --key-size: invalid int value: '%s'", keySize)
				}
				if n <= 0 {
					return usagef("argument --key-size: must be a positive number of bits, not %d", n)
				}
				req.KeySize = &n
			}
			if flags.Changed("control-location") {
				if err := checkLocation(location); err != nil {
					return err
				}
				req.ControlLocation = types.ControlLocation(location)
			}
			return a.showEncryption(ctx, args[0], func(ctx context.Context, typeID string) error {
				if req == (types.UpdateEncryptionRequest{}) {
					return nil // Cinder accepts an empty update and changes nothing
				}
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return c.Types.UpdateEncryption(ctx, typeID, req)
			})
		},
	}
}
