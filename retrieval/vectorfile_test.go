package retrieval

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestVectorsFileRoundTrips(t *testing.T) {
	vecs := [][]float32{{1, 0, -0.5}, {0.25, 3e-8, -7}}
	var buf bytes.Buffer
	if err := writeVectors(&buf, vecs, 3); err != nil {
		t.Fatal(err)
	}
	got, err := readVectors(&buf, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i := range vecs {
		if !slices.Equal(got[i], vecs[i]) {
			t.Errorf("vector %d = %v, want %v", i, got[i], vecs[i])
		}
	}
}

func TestReadVectorsRejectsAFileOfTheWrongShape(t *testing.T) {
	var buf bytes.Buffer
	if err := writeVectors(&buf, [][]float32{{1, 0}, {0, 1}}, 2); err != nil {
		t.Fatal(err)
	}
	good := buf.String()
	tests := []struct {
		name, data  string
		count, dim  int
		wantMessage string
	}{
		{"another format", "PK\x03\x04" + good[4:], 2, 2, "not a vectors file"},
		{"a header cut short", good[:10], 2, 2, "too short"},
		{"fewer vectors than the manifest says", good, 3, 2, "holds 2×2, want 3×2"},
		{"another dimension", good, 2, 3, "holds 2×2, want 2×3"},
		{"a vector cut short", good[:len(good)-1], 2, 2, "ends at vector 1 of 2"},
		{"data past the end", good + "x", 2, 2, "past its last vector"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readVectors(strings.NewReader(tt.data), tt.count, tt.dim)
			if err == nil || !strings.Contains(err.Error(), tt.wantMessage) {
				t.Errorf("error %v, want one saying %q", err, tt.wantMessage)
			}
		})
	}
}

func TestWriteVectorsRefusesARaggedSet(t *testing.T) {
	if err := writeVectors(&bytes.Buffer{}, [][]float32{{1, 0}, {1}}, 2); err == nil {
		t.Error("wrote vectors of different lengths without an error")
	}
}
