package answer

import "testing"

func TestAMovementRunTheOtherWayIsReversed(t *testing.T) {
	para := []string{"North Korea switched transmission of its state television broadcasts from a Chinese satellite to a Russian one."}
	tests := []struct {
		name, claim string
		paras       []string
		want        bool
	}{
		{"off one end and onto the other, swapped, is reversed",
			"North Korea moved its broadcasts off a Russian satellite and onto a Chinese one [1].", para, true},
		{"from and to swapped is reversed",
			"It switched from a Russian satellite to a Chinese one [1].", para, true},
		{"the same way round is not",
			"It switched its broadcasts from a Chinese satellite to a Russian one [1].", para, false},
		{"a claim with no movement is not",
			"North Korea now uses a Russian satellite [1].", para, false},
		{"a paragraph that also runs it the claim's way is not",
			"Kim travelled from Pyongyang to Beijing [1].",
			[]string{"Kim returned from Beijing to Pyongyang after travelling from Pyongyang to Beijing by train."}, false},
		{"ends that share no word are not compared",
			"Exports moved from coal to textiles [1].", para, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if w, got := reversedMovement(tt.claim, tt.paras); got != tt.want {
				t.Errorf("reversed = %v (%q), want %v", got, w, tt.want)
			}
		})
	}
}
