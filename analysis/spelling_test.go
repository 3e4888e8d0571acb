package analysis

import "testing"

func TestBritishSpellingsAreReadAsAmerican(t *testing.T) {
	for brit, want := range map[string]string{
		"legitimise": "legitimize", "legitimising": "legitimizing", "organised": "organized", "realises": "realizes",
		"criticise": "criticize", "recognising": "recognizing", "minimise": "minimize", "stabilisation": "stabilization",
		"organisations": "organizations", "analyse": "analyze", "paralysed": "paralyzed", "colour": "color",
		"honoured": "honored", "neighbours": "neighbors", "centre": "center", "theatres": "theaters",
		"defence": "defense", "travelled": "traveled", "cancelling": "canceling", "programme": "program",
		"dialogue": "dialog",
	} {
		if got := american(brit); got != want {
			t.Errorf("%s: got %s, want %s", brit, got, want)
		}
	}
	for _, w := range []string{"promise", "exercise", "arise", "raise", "praise", "surprise", "enterprise", "compromise",
		"advertise", "supervise", "franchise", "expertise", "premise", "demise", "noise", "wise", "rise", "precise",
		"analysis", "four", "devour", "your", "spelled", "dwelling", "compelling", "excelled", "cruise", "otherwise",
		"chastise", "merchandise", "revise", "devise", "advise", "despise", "comprise", "disguise", "paradise",
		"treatise", "concise", "improvise", "televise", "circumcise", "denise", "louise", "genesis", "crisis",
		"basis", "thesis", "tennis", "this", "his", "is"} {
		if got := american(w); got != w {
			t.Errorf("%s: got %s, want it unchanged", w, got)
		}
	}
	if Stem("legitimise") != Stem("legitimizing") {
		t.Errorf("legitimise and legitimizing stem apart: %s, %s", Stem("legitimise"), Stem("legitimizing"))
	}
}
