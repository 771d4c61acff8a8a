//go:build diff

package diff

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// fixtures are the resources a line's command refers to, by placeholder:
// {v1} is the ID of fixture v1 and {v1.name} its name; a transfer's
// {x1.key} is its auth key.
type fixtures map[string]string

// setup creates the fixtures of specs in p, in order. A spec is
// "kind name [args…]":
//
//	vol NAME [size=N] [type=T] [meta=k=v]   a volume (waits for available)
//	snap NAME VOL                           a snapshot of VOL
//	backup NAME VOL                         a backup of VOL
//	transfer NAME VOL                       a transfer of VOL ({NAME.key})
//	attach NAME VOL                         an attachment reserving VOL
//	type NAME [k=v…]                        a volume type with extra specs
//	private NAME                            a private volume type
//	enc TYPE                                an encryption type on TYPE
//	qos NAME [k=v…]                         a QoS spec
//	default TYPE                            TYPE as the project's default type
//	access TYPE                             the project's access to private TYPE
//	assoc QOS TYPE                          QOS associated with TYPE
//	meta VOL k=v…                           metadata on VOL
//	gtype NAME                              a group type
//	group NAME GTYPE TYPE                   a group
//	gsnap NAME GROUP                        a group snapshot
func (p *project) setup(ctx context.Context, prefix string, specs []string) (fixtures, error) {
	fx := fixtures{"project": p.id, "pname": p.name, "prefix": prefix, "volhost": p.c.volHost, "pool": p.c.volHost + "#" + p.c.pool,
		"adminuser": p.c.admin.user, "token": p.admin.token}
	for _, spec := range specs {
		f := strings.Fields(spec)
		kind, name, args := f[0], f[1], f[2:]
		if _, done := fx[name]; !done {
			fx[name+".name"] = prefix + name
		}
		ref := func(i int) string { return fx[args[i]] }
		var id string
		var err error
		switch kind {
		case "vol":
			body := map[string]any{"size": 1, "name": prefix + name}
			meta := map[string]string{}
			for _, a := range args {
				k, v, _ := strings.Cut(a, "=")
				switch k {
				case "size":
					var n int
					fmt.Sscan(v, &n)
					body["size"] = n
				case "type":
					body["volume_type"] = fx[v]
				case "meta":
					mk, mv, _ := strings.Cut(v, "=")
					meta[mk] = mv
				}
			}
			if len(meta) > 0 {
				body["metadata"] = meta
			}
			id, err = p.create(ctx, "/volumes", "volume", body, "available")
		case "snap":
			id, err = p.create(ctx, "/snapshots", "snapshot", map[string]any{"volume_id": ref(0), "name": prefix + name, "force": true}, "available")
		case "backup":
			id, err = p.create(ctx, "/backups", "backup", map[string]any{"volume_id": ref(0), "name": prefix + name}, "available")
			if err == nil { // the volume is backing-up until the backup is done
				err = p.wait(ctx, "/volumes/"+ref(0), "volume", "available")
			}
		case "transfer":
			var out struct {
				Transfer struct {
					ID      string `json:"id"`
					AuthKey string `json:"auth_key"`
				} `json:"transfer"`
			}
			_, err = p.api(ctx, "POST", "/volume-transfers", map[string]any{"transfer": map[string]any{"volume_id": ref(0), "name": prefix + name}}, &out)
			id = out.Transfer.ID
			fx[name+".key"] = out.Transfer.AuthKey
		case "attach":
			id, err = p.create(ctx, "/attachments", "attachment", map[string]any{"volume_uuid": ref(0), "instance_uuid": "7d9d4c4e-3b1a-4c53-9a62-2b8f5e0c1d01"}, "")
		case "type", "private":
			body := map[string]any{"name": prefix + name}
			if kind == "private" {
				body["os-volume-type-access:is_public"] = false
			}
			if specs := kv(args); len(specs) > 0 {
				body["extra_specs"] = specs
			}
			id, err = p.create(ctx, "/types", "volume_type", body, "")
		case "enc":
			_, err = p.api(ctx, "POST", "/types/"+fx[name]+"/encryption", map[string]any{"encryption": map[string]any{
				"provider": "luks", "control_location": "front-end", "cipher": "aes-xts-plain64", "key_size": 256}}, nil)
			id = fx[name] // adds to NAME: no fixture of its own
		case "qos":
			body := map[string]any{"name": prefix + name}
			for k, v := range kv(args) {
				body[k] = v
			}
			id, err = p.create(ctx, "/qos-specs", "qos_specs", body, "")
		case "default":
			_, err = p.api(ctx, "PUT", "/default-types/"+p.id, map[string]any{"default_type": map[string]any{"volume_type": fx[name]}}, nil)
			id = fx[name] // adds to NAME: no fixture of its own
		case "access":
			_, err = p.api(ctx, "POST", "/types/"+fx[name]+"/action", map[string]any{"addProjectAccess": map[string]any{"project": p.id}}, nil)
			id = fx[name] // adds to NAME: no fixture of its own
		case "assoc":
			_, err = p.api(ctx, "GET", "/qos-specs/"+fx[name]+"/associate?vol_type_id="+ref(0), nil, nil)
			id = fx[name] // adds to NAME: no fixture of its own
		case "meta":
			_, err = p.api(ctx, "POST", "/volumes/"+fx[name]+"/metadata", map[string]any{"metadata": kv(args)}, nil)
			id = fx[name] // adds to NAME: no fixture of its own
		case "gtype":
			id, err = p.create(ctx, "/group_types", "group_type", map[string]any{"name": prefix + name}, "")
		case "group":
			id, err = p.create(ctx, "/groups", "group", map[string]any{"name": prefix + name, "group_type": ref(0), "volume_types": []string{ref(1)}}, "available")
		case "gsnap":
			id, err = p.create(ctx, "/group_snapshots", "group_snapshot", map[string]any{"name": prefix + name, "group_id": ref(0)}, "available")
		default:
			err = fmt.Errorf("unknown fixture kind %q", kind)
		}
		if err != nil {
			return fx, fmt.Errorf("fixture %q: %w", spec, err)
		}
		fx[name] = id
	}
	return fx, nil
}

// kv reads k=v arguments.
func kv(args []string) map[string]string {
	m := map[string]string{}
	for _, a := range args {
		if k, v, ok := strings.Cut(a, "="); ok {
			m[k] = v
		}
	}
	return m
}

// create POSTs {key: body} to path and, when status is set, waits for the
// new resource to reach it.
func (p *project) create(ctx context.Context, path, key string, body map[string]any, status string) (string, error) {
	var out map[string]json.RawMessage // qos-specs answers "links" beside the resource
	if _, err := p.api(ctx, "POST", path, map[string]any{key: body}, &out); err != nil {
		return "", err
	}
	var res struct {
		ID string `json:"id"`
	}
	json.Unmarshal(out[key], &res)
	id := res.ID
	if id == "" {
		return "", fmt.Errorf("POST %s: no id in the answer", path)
	}
	if status == "" {
		return id, nil
	}
	return id, p.wait(ctx, path+"/"+id, key, status)
}

// wait polls path until the resource's status is status; an error status
// or a deadline fails.
func (p *project) wait(ctx context.Context, path, key, status string) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	for {
		var out map[string]map[string]any
		if _, err := p.api(ctx, "GET", path, nil, &out); err != nil {
			return err
		}
		got, _ := out[key]["status"].(string)
		switch {
		case got == status:
			return nil
		case strings.HasPrefix(got, "error"):
			return fmt.Errorf("%s: status %s", path, got)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: still %s: %w", path, got, ctx.Err())
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// sweep deletes everything in the project and every global resource
// (types, QoS specs, group types) whose name starts with prefix, and
// waits until the volumes are gone.
func (p *project) sweep(ctx context.Context, prefix string) error {
	ctx, cancel := context.WithTimeout(ctx, 4*time.Minute)
	defer cancel()
	var errs []error
	ids := func(path, key string) []map[string]any {
		var out map[string]any
		if _, err := p.api(ctx, "GET", path, nil, &out); err != nil {
			errs = append(errs, err)
			return nil
		}
		list, _ := out[key].([]any)
		var r []map[string]any
		for _, x := range list {
			if m, ok := x.(map[string]any); ok {
				r = append(r, m)
			}
		}
		return r
	}
	del := func(path string) {
		if res, err := p.api(ctx, "DELETE", path, nil, nil); err != nil && res.status != 404 {
			errs = append(errs, err)
		}
	}
	gone := func(path string) {
		for ctx.Err() == nil {
			res, err := p.api(ctx, "GET", path, nil, nil)
			if res.status == 404 {
				return
			}
			if err != nil {
				errs = append(errs, err)
				return
			}
			time.Sleep(500 * time.Millisecond)
		}
		errs = append(errs, fmt.Errorf("%s: not deleted: %w", path, ctx.Err()))
	}
	for _, a := range ids("/attachments", "attachments") {
		del("/attachments/" + a["id"].(string))
	}
	for _, t := range ids("/volume-transfers", "transfers") {
		del("/volume-transfers/" + t["id"].(string))
	}
	for _, s := range ids("/group_snapshots", "group_snapshots") {
		id := s["id"].(string)
		del("/group_snapshots/" + id)
		gone("/group_snapshots/" + id)
	}
	for _, b := range ids("/backups/detail", "backups") {
		id := b["id"].(string)
		if st, _ := b["status"].(string); st != "available" && st != "error" {
			p.api(ctx, "POST", "/backups/"+id+"/action", map[string]any{"os-reset_status": map[string]any{"status": "available"}}, nil)
		}
		del("/backups/" + id)
		gone("/backups/" + id)
	}
	for _, s := range ids("/snapshots/detail", "snapshots") {
		id := s["id"].(string)
		if st, _ := s["status"].(string); st != "available" && st != "error" {
			p.api(ctx, "POST", "/snapshots/"+id+"/action", map[string]any{"os-reset_status": map[string]any{"status": "available"}}, nil)
		}
		del("/snapshots/" + id)
		gone("/snapshots/" + id)
	}
	for _, g := range ids("/groups/detail", "groups") {
		id := g["id"].(string)
		if _, err := p.api(ctx, "POST", "/groups/"+id+"/action", map[string]any{"delete": map[string]any{"delete-volumes": true}}, nil); err != nil {
			errs = append(errs, err)
			continue
		}
		gone("/groups/" + id)
	}
	vols := ids("/volumes/detail", "volumes")
	for _, v := range vols {
		id := v["id"].(string)
		st, _ := v["status"].(string)
		if st != "available" && st != "error" && st != "in-use" {
			p.api(ctx, "POST", "/volumes/"+id+"/action", map[string]any{"os-reset_status": map[string]any{"status": "available", "attach_status": "detached"}}, nil)
		}
		if res, err := p.api(ctx, "DELETE", "/volumes/"+id+"?cascade=true", nil, nil); err != nil && res.status != 404 {
			if _, err := p.api(ctx, "POST", "/volumes/"+id+"/action", map[string]any{"os-force_delete": map[string]any{}}, nil); err != nil {
				errs = append(errs, err)
			}
		}
	}
	for _, v := range vols {
		gone("/volumes/" + v["id"].(string))
	}
	del("/default-types/" + p.id)
	for _, g := range []struct{ list, key, del string }{
		{"/group_types", "group_types", "/group_types/"},
		{"/qos-specs", "qos_specs", "/qos-specs/"},
		{"/types?is_public=None", "volume_types", "/types/"},
	} {
		for _, x := range ids(g.list, g.key) {
			if name, _ := x["name"].(string); strings.HasPrefix(name, prefix) {
				path := g.del + url.PathEscape(x["id"].(string))
				if g.key == "qos_specs" {
					path += "?force=True"
				}
				if g.key == "volume_types" {
					p.api(ctx, "DELETE", path+"/encryption/provider", nil, nil)
				}
				del(path)
			}
		}
	}
	return errors.Join(errs...)
}
