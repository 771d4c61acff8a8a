package main

import (
	"context"
	"github.com/gocinder/cinder/internal/pyfmt"

	"github.com/gocinder/cinder/discovery"
)

// availabilityZoneCommand is availability-zone-list: one row per zone and,
// when the server sends them, per host and service below it.
func (a *app) availabilityZoneCommand() command {
	return command{
		name: "availability-zone-list",
		help: "Lists all availability zones.",
		run: func(ctx context.Context, _ []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			zones, err := c.Discovery.AvailabilityZones(rctx)
			if err != nil {
				return err
			}
			raws := rb.objects("availabilityZoneInfo")
			if len(raws) != len(zones) {
				raws = raws[:0]
				for _, z := range zones {
					o, err := orderedObject(z)
					if err != nil {
						return err
					}
					raws = append(raws, o)
				}
			}
			var rows [][]any
			for i, z := range raws {
				rows = append(rows, []any{zones[i].Name, zoneStatus(zones[i])})
				rows = append(rows, zoneHosts(z)...)
			}
			return a.printList([]string{"Name", "Status"}, rows, 0)
		},
	}
}

func zoneStatus(z discovery.AvailabilityZone) string {
	if z.State.Available {
		return "available"
	}
	return "not available"
}

// zoneHosts is the tree below a zone whose JSON has "hosts" (host →
// service → state): "|- host" rows, then "| |- service" rows.
func zoneHosts(z *pyfmt.Object) [][]any {
	hosts, ok := z.Value("hosts").(*pyfmt.Object)
	if !ok {
		return nil
	}
	var rows [][]any
	for _, host := range hosts.Keys() {
		rows = append(rows, []any{"|- " + host, ""})
		services, ok := hosts.Value(host).(*pyfmt.Object)
		if !ok {
			continue
		}
		for _, svc := range services.Keys() {
			st, _ := services.Value(svc).(*pyfmt.Object)
			if st == nil {
				st = pyfmt.NewObject()
			}
			active, smile := "disabled", "XXX"
			if b, _ := st.Value("active").(bool); b {
				active = "enabled"
			}
			if b, _ := st.Value("available").(bool); b {
				smile = ":-)"
			}
			rows = append(rows, []any{"| |- " + svc, active + " " + smile + " " + pyfmt.Str(st.Value("updated_at"))})
		}
	}
	return rows
}
