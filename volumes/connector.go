package volumes

import "encoding/json"

// Connector describes the host a volume is exported to, as os-brick's
// get_connector_properties reports it. The common fields are typed so a typo
// is a compile error; driver-specific keys go in Extra, which is merged into
// the JSON object (a typed field wins over an Extra key of the same name).
type Connector struct {
	Host          string         `json:"host,omitempty"`            // host name of the attaching host
	IP            string         `json:"ip,omitempty"`              // the host's IP address on the storage network
	Initiator     string         `json:"initiator,omitempty"`       // iSCSI IQN
	WWPNs         []string       `json:"wwpns,omitempty"`           // Fibre Channel
	WWNNs         []string       `json:"wwnns,omitempty"`           // Fibre Channel world wide node names
	NQN           string         `json:"nqn,omitempty"`             // NVMe-oF host NQN
	Platform      string         `json:"platform,omitempty"`        // CPU architecture, e.g. x86_64
	OSType        string         `json:"os_type,omitempty"`         // operating system, e.g. linux2
	Multipath     bool           `json:"multipath"`                 // the host uses multipath I/O
	DoLocalAttach bool           `json:"do_local_attach,omitempty"` // attach on this host itself (e.g. RBD through the kernel client)
	Mode          string         `json:"mode,omitempty"`            // rw or ro
	Extra         map[string]any `json:"-"`                         // further driver-specific properties
}

// MarshalJSON merges Extra into the connector.
func (c Connector) MarshalJSON() ([]byte, error) {
	type plain Connector
	base, err := json.Marshal(plain(c))
	if err != nil || len(c.Extra) == 0 {
		return base, err
	}
	m := map[string]any{}
	if err := json.Unmarshal(base, &m); err != nil {
		return nil, err
	}
	for k, v := range c.Extra {
		if _, typed := m[k]; !typed {
			m[k] = v
		}
	}
	return json.Marshal(m)
}

// ConnectionInfo is the answer of os-initialize_connection: the transport
// (iscsi, rbd, nvmeof, local, …) and its driver-specific data.
type ConnectionInfo struct {
	DriverVolumeType string         `json:"driver_volume_type"` // the transport: iscsi, rbd, fibre_channel, nvmeof, local, …
	Data             map[string]any `json:"data"`               // the transport's connection properties (target_iqn, target_portal, …)
}
