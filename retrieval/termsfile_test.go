package retrieval

import (
	"bytes"
	"reflect"
	"testing"
	"unsafe"
)

func TestTermRowsReadBackAlignedOrNot(t *testing.T) {
	rows := [][]termFreq{{{0, 2}, {3, 1}}, {}, {{1, 5}}, {{2, 1}, {0, 1}, {4, 7}}}
	var file bytes.Buffer
	if err := writeTermRows(&file, rows); err != nil {
		t.Fatal(err)
	}
	aligned := make([]byte, file.Len(), file.Len()+termsAlign)
	copy(aligned, file.Bytes())
	shifted := make([]byte, file.Len()+1)[1:] // its terms cannot be used in place
	copy(shifted, file.Bytes())
	tests := []struct {
		name    string
		data    []byte
		inPlace bool
	}{
		{"from a buffer as allocated, using the terms where they lie", aligned, littleEndian},
		{"from a buffer one byte off, through a copy", shifted, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readTermRows(tt.data, len(rows), 5)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, rows) {
				t.Fatalf("read %v, wrote %v", got, rows)
			}
			first := uintptr(unsafe.Pointer(&got[0][0]))
			start := uintptr(unsafe.Pointer(unsafe.SliceData(tt.data)))
			if inside := first >= start && first < start+uintptr(len(tt.data)); inside != tt.inPlace {
				t.Errorf("terms inside the file's buffer: %v, want %v", inside, tt.inPlace)
			}
		})
	}
}

func TestTermRowsWithBytesInTheirPaddingAreMalformed(t *testing.T) {
	rows := [][]termFreq{{{0, 2}}, {{1, 1}}, {{0, 1}}}
	var file bytes.Buffer
	if err := writeTermRows(&file, rows); err != nil {
		t.Fatal(err)
	}
	data := file.Bytes()
	body := len(data) - 8*3 // the terms start at a multiple of termsAlign
	if body%termsAlign != 0 || data[body-1] != 0 {
		t.Fatalf("the terms start at %d, after byte %d", body, data[body-1])
	}
	data[body-1] = 1
	if _, err := readTermRows(data, len(rows), 2); err == nil {
		t.Error("a terms file with a byte in its padding was read")
	}
}
