package cindertest

import (
	"fmt"
	"slices"
	"strings"
)

// Cinder's jsonschema for os-volume_upload_image: the properties in this
// order, then required image_name, then no other keys.
var (
	diskFormats  = []string{"raw", "vmdk", "vdi", "qcow2", "vhd", "vhdx", "ploop"}
	visibilities = []string{"community", "public", "private", "shared"}
	// boolStrings are the strings of boolEnum (jsonschema's enum is case-sensitive).
	boolStrings = []string{"True", "TRUE", "true", "1", "ON", "On", "on", "YES", "Yes", "yes", "y", "t",
		"False", "FALSE", "false", "0", "OFF", "Off", "off", "NO", "No", "no", "n", "f"}
	uploadImageKeys = []string{"image_name", "force", "disk_format", "container_format", "visibility", "protected"}
)

// uploadImageBody validates the body like Cinder; false means a 400 was sent.
func (c *call) uploadImageBody(body map[string]any) bool {
	for _, k := range uploadImageKeys {
		raw, present := body[k]
		if !present {
			continue
		}
		if why := uploadImageField(k, raw); why != "" {
			c.invalidField(k, raw, why)
			return false
		}
	}
	if !c.required("os-volume_upload_image", body, "image_name") {
		return false
	}
	var extra []string
	for k := range body {
		if !slices.Contains(uploadImageKeys, k) {
			extra = append(extra, "'"+k+"'")
		}
	}
	if len(extra) > 0 {
		slices.Sort(extra)
		verb := "was"
		if len(extra) > 1 {
			verb = "were"
		}
		c.invalidField("os-volume_upload_image", body, fmt.Sprintf("Additional properties are not allowed (%s %s unexpected)",
			strings.Join(extra, ", "), verb))
		return false
	}
	return true
}

// uploadImageField returns jsonschema's complaint about one property, "" if valid.
func uploadImageField(k string, raw any) string {
	s, isStr := raw.(string)
	switch k {
	case "image_name":
		switch {
		case !isStr:
			return pyRepr(raw, true) + " is not of type 'string'"
		case s == "":
			return "'' is too short"
		case len([]rune(s)) > 255:
			return pyRepr(s, true) + " is too long"
		}
	case "force", "protected":
		if _, isBool := raw.(bool); isBool {
			return ""
		}
		if !isStr {
			return pyRepr(raw, true) + " is not of type 'boolean', 'string'"
		}
		if !slices.Contains(boolStrings, s) {
			return pyRepr(s, true) + " is not one of " + boolEnum
		}
	case "disk_format", "visibility":
		enum := diskFormats
		if k == "visibility" {
			enum = visibilities
		}
		if !isStr {
			return pyRepr(raw, true) + " is not of type 'string'"
		}
		if !slices.Contains(enum, s) {
			return pyRepr(s, true) + " is not one of ['" + strings.Join(enum, "', '") + "']"
		}
	case "container_format":
		if raw != nil && !isStr {
			return pyRepr(raw, true) + " is not of type 'string', 'null'"
		}
	}
	return ""
}
