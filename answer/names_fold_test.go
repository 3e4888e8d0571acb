package answer

import "testing"

func TestANationalityFoldsOntoItsCountry(t *testing.T) {
	for _, pair := range [][2]string{
		{"russia", "russian"}, {"austria", "austrians"}, {"serbia", "serbian"}, {"india", "indian"},
		{"china", "chinese"}, {"korea", "koreans"}, {"italy", "italian"}, {"canada", "canadian"},
		{"switzerland", "swiss"}, {"france", "french"}, {"netherlands", "dutch"}, {"laos", "lao"},
	} {
		t.Run(pair[1]+" is "+pair[0]+"'s", func(t *testing.T) {
			if a, b := fold(pair[0]), fold(pair[1]); a != b {
				t.Errorf("fold(%q) = %q, fold(%q) = %q; want them equal", pair[0], a, pair[1], b)
			}
		})
	}
}
