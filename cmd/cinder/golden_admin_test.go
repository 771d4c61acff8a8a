package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The golden sessions of the admin commands the emulator serves:
// service-list, get-pools and get-capabilities.
func TestGoldenServicesPools(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	demo := s.proxy.env(s.srv, "demo")

	s.step("service-list", 0, "help", "service-list")
	s.step("service-list", 0, "service-list")
	s.step("service-list", 0, "service-list", "--withreplication")
	s.step("service-list", 0, "service-list", "--withreplication", "False")
	s.step("service-list", 2, "service-list", "--withreplication", "maybe")
	s.step("service-list", 0, "service-list", "--binary", "cinder-volume")
	s.step("service-list", 0, "service-list", "--host", "no-such-host")
	s.step("service-list", 0, "--os-volume-api-version", "3.0", "service-list")
	s.step("service-list", 1, "--os-volume-api-version", "3.6", "service-list", "--withreplication")
	s.stepEnv(demo, "service-list", 1, "service-list")
	s.step("get-pools", 0, "help", "get-pools")
	s.step("get-pools", 0, "get-pools")
	s.step("get-pools", 0, "get-pools", "--detail")
	s.step("get-pools", 0, "-f", "json", "get-pools", "--detail")
	s.step("get-pools", 1, "--os-volume-api-version", "3.32", "get-pools", "--filters", "name=x")
	s.stepEnv(demo, "get-pools", 1, "get-pools")
	s.step("get-capabilities", 0, "help", "get-capabilities")
	host := s.output("service-list", "--binary", "cinder-volume", "-f", "value", "-c", "Host")
	s.step("get-capabilities", 0, "get-capabilities", host)
	s.step("get-capabilities", 1, "get-capabilities", "nohost@none")
	s.step("get-capabilities", 2, "get-capabilities")
	s.finish()
}

// TestGoldenServiceActions replays the SDK's recorded answers of the
// service actions the emulator lacks.
func TestGoldenServiceActions(t *testing.T) {
	t.Parallel()
	rs := newReplayServer(t, map[string]reply{
		"PUT os-services/enable":             {"services/enable", http.StatusOK},
		"PUT os-services/disable":            {"services/disable", http.StatusOK},
		"PUT os-services/disable-log-reason": {"services/disable_reason", http.StatusOK},
		"PUT os-services/get-log":            {"services/log_levels", http.StatusOK},
		"PUT os-services/set-log":            {"", http.StatusAccepted},
		"PUT os-services/freeze":             {"", http.StatusOK},
		"PUT os-services/thaw":               {"services/error_thaw", http.StatusBadRequest},
		"PUT os-services/failover":           {"services/error_failover", http.StatusBadRequest},
		"GET clusters":                       {"clusters/list_summary", http.StatusOK},
		"GET clusters/detail":                {"clusters/list", http.StatusOK},
		"GET clusters/gocinder-rec-cluster":  {"clusters/get", http.StatusOK},
		"PUT clusters/enable":                {"clusters/enable", http.StatusOK},
		"PUT clusters/disable":               {"clusters/disable", http.StatusOK},
		"POST workers/cleanup":               {"workers/cleanup", http.StatusAccepted},
	})
	s := rs.session(t)
	s.step("service-enable", 0, "help", "service-enable")
	s.step("service-enable", 0, "service-enable", "cinder-host@backend", "cinder-volume")
	s.step("service-enable", 2, "service-enable", "cinder-host@backend")
	s.step("service-disable", 0, "service-disable", "cinder-host@backend", "cinder-volume")
	s.step("service-disable", 0, "service-disable", "--reason", "recorded", "cinder-host@backend", "cinder-volume")
	s.step("service-get-log", 0, "help", "service-get-log")
	s.step("service-get-log", 0, "service-get-log", "--binary", "cinder-api")
	s.step("service-get-log", 2, "service-get-log", "--binary", "nova-api")
	s.step("service-get-log", 2, "--os-volume-api-version", "3.31", "service-get-log")
	s.step("service-set-log", 0, "service-set-log", "--binary", "cinder-api", "--prefix", "cinder.api", "DEBUG")
	s.step("service-set-log", 2, "service-set-log", "LOUD")
	s.step("service-set-log", 2, "--os-volume-api-version", "3.31", "service-set-log", "INFO")
	s.step("freeze-host", 0, "freeze-host", "cinder-host@backend")
	s.step("thaw-host", 1, "thaw-host", "nohost@none")
	s.step("failover-host", 0, "help", "failover-host")
	s.step("failover-host", 1, "failover-host", "--backend_id", "secondary", "cinder-host@backend")
	s.step("cluster-list", 0, "help", "cluster-list")
	s.step("cluster-list", 0, "cluster-list")
	s.step("cluster-list", 0, "cluster-list", "--detailed", "--is-up", "false", "--num-hosts", "1")
	s.step("cluster-list", 2, "cluster-list", "--is-up", "maybe")
	s.step("cluster-list", 2, "--os-volume-api-version", "3.6", "cluster-list")
	s.step("cluster-show", 0, "cluster-show", "gocinder-rec-cluster")
	s.step("cluster-show", 0, "cluster-show", "cinder-volume", "gocinder-rec-cluster")
	s.step("cluster-show", 1, "cluster-show", "no-such-cluster")
	s.step("cluster-enable", 0, "cluster-enable", "gocinder-rec-cluster")
	s.step("cluster-disable", 0, "cluster-disable", "--reason", "recorded", "gocinder-rec-cluster")
	s.step("work-cleanup", 0, "help", "work-cleanup")
	s.step("work-cleanup", 0, "work-cleanup", "--cluster", "gocinder-rec-cluster", "--is-up", "false", "--resource-type", "Volume")
	s.step("work-cleanup", 2, "work-cleanup", "--resource-type", "Backup")
	s.step("work-cleanup", 2, "--os-volume-api-version", "3.23", "work-cleanup")
	s.finish()

	sent := rs.sent()
	assert.Contains(t, sent, `PUT os-services/disable-log-reason? {"host":"cinder-host@backend","binary":"cinder-volume","disabled_reason":"recorded"}`)
	assert.Contains(t, sent, `PUT os-services/set-log? {"binary":"cinder-api","prefix":"cinder.api","level":"DEBUG"}`)
	assert.Contains(t, sent, `GET clusters/detail?is_up=false&num_hosts=1`)
}

// TestGoldenConsisgroups replays the SDK's recorded answers of the legacy
// consistency group and cgsnapshot calls the emulator lacks.
func TestGoldenConsisgroups(t *testing.T) {
	t.Parallel()
	const (
		g1   = "00000000-0000-4000-8000-000000000202"
		snap = "00000000-0000-4000-8000-000000000231"
	)
	rs := newReplayServer(t, map[string]reply{
		"GET consistencygroups/detail":                               {"consistencygroups/list", http.StatusOK},
		"GET consistencygroups":                                      {"consistencygroups/list_refs", http.StatusOK},
		"GET consistencygroups/" + g1:                                {"consistencygroups/get", http.StatusOK},
		"GET consistencygroups/00000000-0000-4000-8000-000000000201": {"consistencygroups/get_cleared", http.StatusOK},
		"POST consistencygroups":                                     {"consistencygroups/create", http.StatusAccepted},
		"POST consistencygroups/create_from_src":                     {"consistencygroups/create_from_cgsnapshot", http.StatusAccepted},
		"PUT consistencygroups/" + g1 + "/update":                    {"", http.StatusAccepted},
		"POST consistencygroups/" + g1 + "/delete":                   {"consistencygroups/error_delete", http.StatusBadRequest},
		"GET cgsnapshots/detail":                                     {"cgsnapshots/list", http.StatusOK},
		"GET cgsnapshots":                                            {"cgsnapshots/list_refs", http.StatusOK},
		"GET cgsnapshots/" + snap:                                    {"cgsnapshots/get", http.StatusOK},
		"POST cgsnapshots":                                           {"cgsnapshots/create", http.StatusAccepted},
		"DELETE cgsnapshots/" + snap:                                 {"", http.StatusAccepted},
	})
	s := rs.session(t)
	s.step("consisgroup-list", 0, "help", "consisgroup-list")
	s.step("consisgroup-list", 0, "consisgroup-list")
	s.step("consisgroup-list", 0, "consisgroup-list", "--all-tenants")
	s.step("consisgroup-show", 0, "consisgroup-show", "cg-g1")
	s.step("consisgroup-show", 0, "-f", "json", "consisgroup-show", g1)
	s.step("consisgroup-show", 1, "consisgroup-show", "nope")
	s.step("consisgroup-create", 0, "help", "consisgroup-create")
	s.step("consisgroup-create", 0, "consisgroup-create", "--name", "cg-cg0", "lvm,lvm2")
	s.step("consisgroup-create", 2, "consisgroup-create")
	s.step("consisgroup-create-from-src", 0, "consisgroup-create-from-src", "--cgsnapshot", "cg-s1", "--name", "cg-from-snap")
	s.step("consisgroup-create-from-src", 1, "consisgroup-create-from-src", "--name", "x")
	s.step("consisgroup-create-from-src", 1, "consisgroup-create-from-src", "--cgsnapshot", "cg-s1", "--source-cg", "cg-g1")
	s.step("consisgroup-create-from-src", 1, "consisgroup-create-from-src", "--source-cg", "nope")
	s.step("consisgroup-update", 0, "consisgroup-update", "--name", "renamed", "--add-volumes", "v1,v2", "cg-g1")
	s.step("consisgroup-update", 1, "consisgroup-update", "cg-g1")
	s.step("consisgroup-delete", 1, "consisgroup-delete", "cg-g1")
	s.step("consisgroup-delete", 1, "consisgroup-delete", "--force", "cg-g1", "nope")
	s.step("cgsnapshot-list", 0, "help", "cgsnapshot-list")
	s.step("cgsnapshot-list", 0, "cgsnapshot-list")
	s.step("cgsnapshot-list", 0, "cgsnapshot-list", "--status", "error")
	s.step("cgsnapshot-list", 0, "cgsnapshot-list", "--consistencygroup-id", g1)
	s.step("cgsnapshot-list", 0, "cgsnapshot-list", "--all-tenants")
	s.step("cgsnapshot-list", 0, "cgsnapshot-list", "--all-tenants", "0")
	s.step("cgsnapshot-list", 0, "cgsnapshot-list", "--all-tenants", "1", "--status", "available")
	s.step("cgsnapshot-show", 0, "cgsnapshot-show", "cg-s1")
	s.step("cgsnapshot-show", 1, "cgsnapshot-show", "nope")
	s.step("cgsnapshot-create", 0, "cgsnapshot-create", "--name", "cg-s1", "--description", "nightly", "cg-g1")
	s.step("cgsnapshot-create", 1, "cgsnapshot-create", "nope")
	s.step("cgsnapshot-delete", 0, "cgsnapshot-delete", "cg-s1")
	s.step("cgsnapshot-delete", 1, "cgsnapshot-delete", "nope", "ghost")
	s.finish()

	sent := rs.sent()
	var all, plain int // cgsnapshot-list: 4 steps without --all-tenants (or with 0), 2 with
	for _, c := range sent {
		switch c {
		case "GET cgsnapshots/detail?all_tenants=1":
			all++
		case "GET cgsnapshots/detail?":
			plain++
		}
	}
	assert.Equal(t, 2, all, "cgsnapshot-list --all-tenants [1]")
	assert.Equal(t, 4, plain, "cgsnapshot-list without --all-tenants or with 0")
	assert.Contains(t, sent, `POST consistencygroups? {"consistencygroup":{"name":"cg-cg0","volume_types":"lvm,lvm2"}}`)
	assert.Contains(t, sent, `POST consistencygroups/`+g1+`/delete? {"consistencygroup":{"force":true}}`)
	assert.Contains(t, sent, `POST cgsnapshots? {"cgsnapshot":{"consistencygroup_id":"`+g1+`","name":"cg-s1","description":"nightly"}}`)
}
