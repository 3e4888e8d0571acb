package answer

import "testing"

func TestAWhyQuestionsPremiseNoRetrievedArticleStatesIsUnstated(t *testing.T) {
	article := []quotedSentence{{
		title:     "Drones carry blood samples from Clifden to Galway",
		text:      "The operator says it has moved the flight path twice after complaints from farmers.",
		paragraph: "The operator says it has moved the flight path twice after complaints from farmers. It flies no lower than 90 metres.",
		article:   "The hospital chose the drones because the road to Galway floods in winter. Farmers refused to let them land.",
	}}
	tests := []struct {
		name, question string
		want           bool
	}{
		{"an event no article states", "Why did the aviation authority ban the drone flights?", true},
		{"an event the paragraph states", "Why did the operator move the flight path?", false},
		{"an event another retrieved paragraph of the article states", "Why did the hospital choose drones?", false},
		{"an event stated by a related word", "Why did the hospital select the drones?", false},
		{"a name is the other signals' business", "Why did Skeall move the flight path?", false},
		{"what follows a modal is not taken as given", "Why do farmers say the drones could crash?", false},
		{"a degree is the asker's own measure", "Why did the operator move the flight path so often?", false},
		{"a question that is not a why-question takes nothing as given here", "When did the aviation authority ban the drone flights?", false},
		{"a denied premise is not read", "Why did the operator not ban the drone flights?", false},
		{"an event told by a verb that negates is taken as given", "Why did the hospital cancel the drone flights?", true},
		{"a verb that negates is stated by a related word", "Why did the farmers reject the drones?", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := premiseUnstated(tt.question, article); got != tt.want {
				t.Errorf("premiseUnstated = %v, want %v", got, tt.want)
			}
		})
	}
}
