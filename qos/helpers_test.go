package qos_test

import (
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/qos"
)

// Fixture IDs (scrubbed).
const (
	specA  = "00000000-0000-4000-8000-000000000021" // gocinder-rec-qos-a, front-end
	specB  = "00000000-0000-4000-8000-000000000022" // gocinder-rec-qos-b, default consumer
	typeID = "00000000-0000-4000-8000-000000000011"
	deadID = "00000000-0000-4000-8000-00000000dead"
)

func links(id string) []qos.Link {
	return []qos.Link{
		{Rel: "self", Href: testutil.Endpoint + "/qos-specs/" + id},
		{Rel: "bookmark", Href: "https://cinder.example.com:8776/" + testutil.ProjectID + "/qos-specs/" + id},
	}
}

// specAItem is gocinder-rec-qos-a as created (and as listed, without links).
func specAItem() qos.Spec {
	return qos.Spec{ID: specA, Name: "gocinder-rec-qos-a", Consumer: qos.ConsumerFrontEnd,
		Specs: map[string]string{"read_iops_sec": "100", "write_iops_sec": "50"}}
}

func specBItem() qos.Spec {
	return qos.Spec{ID: specB, Name: "gocinder-rec-qos-b", Consumer: qos.ConsumerBackEnd,
		Specs: map[string]string{"total_bytes_sec": "1048576"}}
}

func withLinks(s qos.Spec) qos.Spec {
	s.Links = links(s.ID)
	return s
}
