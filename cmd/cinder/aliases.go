package main

import "strings"

// pythonAliases are the option spellings python-cinderclient 9.1 still
// parses but hides from help (help=argparse.SUPPRESS), by command ("" for
// the global options), each mapped to the option of ours that means the
// same. testdata/python_aliases.json is the list read from python's own
// parsers (testdata/python_aliases.py); TestPythonAliases checks that every
// entry of it is accepted here.
var pythonAliases = map[string]map[string]string{
	"": {
		"service_type": "service-type", "service_name": "service-name", "volume_service_name": "volume-service-name",
		"os_endpoint_type": "os-endpoint-type", "os_volume_api_version": "os-volume-api-version",
		"os_endpoint": "os-endpoint", "os_auth_strategy": "os-auth-strategy", "os_auth_type": "os-auth-type",
		"os_username": "os-username", "os_password": "os-password", "os_project_name": "os-project-name",
		"os_project_id": "os-project-id", "os_auth_url": "os-auth-url", "os_user_id": "os-user-id",
		"os_user_domain_id": "os-user-domain-id", "os_user_domain_name": "os-user-domain-name",
		"os_region_name": "os-region-name", "os_token": "os-token", "os_url": "os-url",
		// visible in python, second spellings of one option
		"os-auth-plugin": "os-auth-type", "os-user-name": "os-username",
	},
	"backup-create": {"display-name": "name", "display-description": "description"},
	"backup-list":   {"all_tenants": "all-tenants", "volume_id": "volume-id"},
	"create": {
		"snapshot_id": "snapshot-id", "source_volid": "source-volid", "image_id": "image-id", "image_ref": "image",
		"display-name": "name", "display_name": "name", "display-description": "description",
		"display_description": "description", "volume_type": "volume-type", "availability_zone": "availability-zone",
	},
	"encryption-type-create": {"key_size": "key-size", "control_location": "control-location"},
	"list":                   {"all_tenants": "all-tenants", "display-name": "name"},
	"rename":                 {"display-description": "description", "display_description": "description"},
	"snapshot-create": {
		"display-name": "name", "display_name": "name", "display-description": "description",
		"display_description": "description",
	},
	"snapshot-list": {
		"all_tenants": "all-tenants", "display-name": "name", "display_name": "name", "volume_id": "volume-id",
	},
	"snapshot-rename": {"display-description": "description", "display_description": "description"},
	"transfer-create": {"display-name": "name"},
	"transfer-list":   {"all_tenants": "all-tenants"},
	// python's --image_name shares its destination with the required
	// positional <image-name>: the positional is the name used
	"upload-to-image": {"container_format": "container-format", "disk_format": "disk-format", "image_name": ""},
}

// unalias rewrites a long option token ("--display_name", "--os_username=x")
// in python's hidden spelling to ours; command is the subcommand seen so far
// ("" before it). drop reports an alias whose value python discards.
func unalias(command, tok string) (out string, drop bool) {
	if !strings.HasPrefix(tok, "--") {
		return tok, false
	}
	name, value, hasValue := strings.Cut(tok[2:], "=")
	to, ok := pythonAliases[command][name]
	if !ok {
		to, ok = pythonAliases[""][name]
	}
	if !ok {
		return tok, false
	}
	if to == "" {
		return "", true
	}
	if hasValue {
		return "--" + to + "=" + value, false
	}
	return "--" + to, false
}
