# gocinder: make test | lint | integration | bench | demo | build
#
# test         offline: gofmt check, go vet, unit tests + emulator tests with -race
# lint         gofmt check, go vet (also with -tags integration), staticcheck
# integration  the end-to-end suite against the emulator and the real cloud of
#              the OS_* environment (. /tmp/os/openrc); see integration/doc.go
# bench        the table of ratios (SDK, CLI, python cinder) and the benchmarks in ./bench
# demo         builds, starts the emulator, runs examples/quickstart and the CLI
# build        bin/cinder and bin/cinder-emulator
# diff         the differential harness: python `cinder` and ours on the same
#              command lines against the real cloud (integration/diff)
# record       re-record testdata/ fixtures from the real cloud (OS_* environment)
# man          man pages of cinder and its commands into $(MANDIR) (default man/)
# api          rewrite api/v1.txt, the record of the exported API (make test checks it)
# faults       the fault-injection suite without -race, printing its table (10k list)

GO          ?= go
STATICCHECK ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2
BIN         ?= bin
# the real cloud's scenarios wait a lot: run more of them at once than GOMAXPROCS
IT_PARALLEL ?= 8

.PHONY: man all test fmt-check vet lint integration bench demo build clean record api faults diff

all: test

fmt-check:
	@out="$$(gofmt -l . 2>&1)"; if [ -n "$$out" ]; then \
		echo "gofmt: these files need formatting (run gofmt -w):"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# The integration suite's emulator half is offline too: it runs the same
# scenarios as against a real cloud, against cindertest.
test: fmt-check vet
	$(GO) vet -tags integration ./integration/...
	$(GO) test -race ./...
	$(GO) test -race -tags integration -count=1 -run 'TestIntegration/emulator' ./integration/...
	$(GO) test -count=1 -run 'Memory' ./bench/  # heap figures need a build without -race

lint: fmt-check vet
	$(GO) vet -tags integration ./integration/...
	$(STATICCHECK) ./...
	$(STATICCHECK) -tags integration ./integration/...
	$(GO) vet -tags diff ./integration/diff/
	$(STATICCHECK) -tags diff ./integration/diff/

integration:
	$(GO) test -race -tags integration -count=1 -timeout 30m -parallel $(IT_PARALLEL) ./integration/...

# The differential harness (build tag diff) against the real cloud of the OS_*
# environment: each line in a project of its own, DIFF_PARALLEL at once.
DIFF_PARALLEL ?= 8
diff:
	$(GO) test -tags diff -count=1 -timeout 45m -parallel $(DIFF_PARALLEL) ./integration/diff/

# Re-record testdata/ from the real cloud of the OS_* environment (. /tmp/os/openrc),
# scrubbed of tokens, host names and IDs. Each package's recorder is a test that
# runs only with CINDER_RECORD=1.
RECORD_PKGS ?= ./internal/record/ ./snapshots/ ./backups/ ./transfers/ ./attachments/ ./types/ ./qos/ ./quotas/ ./limits/ ./messages/ ./discovery/ ./groups/ ./consistencygroups/ ./services/
record:
	CINDER_RECORD=1 $(GO) test -count=1 -p 1 -run Record $(RECORD_PKGS)

# api/v1.txt lists the exported API one identifier a line (as Go's api/go1.*.txt);
# internal/apiwalk's TestAPIRecord, part of make test, fails when it is stale.
api:
	$(GO) test -count=1 -run '^TestAPIRecord$$' ./internal/apiwalk/ -update

# The fault suite also runs in `make test` (with -race, a 2k list); this
# prints its table of duplicates, leaks, lost deletes and errors by kind.
faults:
	$(GO) test -count=1 -v -run . ./integration/faults/ | grep -v -e '^=== ' -e '^    .*faults injected'

# one table of ratios, ours beside the baselines in the same run (go run ./bench/table -h)
bench:
	$(GO) run ./bench/table $(BENCH_ARGS)
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./bench/...

demo:
	@bash scripts/demo.sh

build:
	$(GO) build -o $(BIN)/cinder ./cmd/cinder
	$(GO) build -o $(BIN)/cinder-emulator ./cmd/cinder-emulator

MANDIR ?= man
man:
	$(GO) test -count=1 -run '^TestMan$$' ./cmd/cinder/ -args -man=$(abspath $(MANDIR))

clean:
	rm -rf $(BIN)
