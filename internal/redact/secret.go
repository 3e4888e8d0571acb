package redact

import (
	"fmt"
	"log/slog"
)

// Secret holds a token or API key. However it is printed — %v, %+v, %#v,
// %s, %q, as a field of a struct printed whole, in a slog attribute or in
// JSON — it reads Mask, so a configuration that slips into a log line or
// an error message keeps its secret. Reveal returns it for the one place
// that sends it.
type Secret string

// Format implements fmt.Formatter for every verb, so no verb prints the
// value (a String method alone leaves %#v and %x to reveal it).
func (Secret) Format(f fmt.State, _ rune) { fmt.Fprint(f, Mask) }

// LogValue implements slog.LogValuer.
func (Secret) LogValue() slog.Value { return slog.StringValue(Mask) }

// MarshalJSON writes the mask, never the value.
func (Secret) MarshalJSON() ([]byte, error) { return []byte(`"` + Mask + `"`), nil }

// Reveal returns the secret itself.
func (s Secret) Reveal() string { return string(s) }

// IsSet reports whether there is a secret at all.
func (s Secret) IsSet() bool { return s != "" }
