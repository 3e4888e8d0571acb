package fakediscord

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Discord's message limits.
const (
	MaxContent      = 2000
	maxEmbeds       = 10
	maxEmbedTotal   = 6000
	maxRows         = 5
	maxRowItems     = 5
	maxButtonLabel  = 80
	maxCustomID     = 100
	maxEmbedTitle   = 256
	maxEmbedDesc    = 4096
	maxEmbedFields  = 25
	maxFieldName    = 256
	maxFieldValue   = 1024
	maxFooter       = 2048
	componentRow    = 1
	componentButton = 2
)

// payload is the message part of a create, edit or callback body.
type payload struct {
	Content         *string          `json:"content"`
	Components      json.RawMessage  `json:"components"`
	Embeds          []embed          `json:"embeds"`
	Flags           int              `json:"flags"`
	AllowedMentions *allowedMentions `json:"allowed_mentions"`
	Reference       *struct {
		MessageID string `json:"message_id"`
	} `json:"message_reference"`
}

type allowedMentions struct {
	Parse *[]string `json:"parse"`
}

type embed struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Fields      []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
	Footer *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Author *struct {
		Name string `json:"name"`
	} `json:"author"`
}

// parsed is a payload read for storing.
type parsed struct {
	payload
	Content    string
	hasContent bool
}

// parseMessage decodes a message body and lists what Discord would
// reject in it. create requires something to show.
func parseMessage(body json.RawMessage, create bool) (parsed, []string) {
	var p parsed
	if len(body) == 0 || string(body) == "null" {
		if create {
			return p, []string{"empty message"}
		}
		return p, nil
	}
	if err := json.Unmarshal(body, &p.payload); err != nil {
		return p, []string{"message body: " + err.Error()}
	}
	if p.payload.Content != nil {
		p.Content, p.hasContent = *p.payload.Content, true
	}
	if string(p.payload.Components) == "null" {
		p.payload.Components = nil
	}
	var problems []string
	if n := utf8.RuneCountInString(p.Content); n > MaxContent {
		problems = append(problems, fmt.Sprintf("content is %d characters, limit %d", n, MaxContent))
	}
	problems = append(problems, checkEmbeds(p.Embeds)...)
	problems = append(problems, checkComponents(p.payload.Components)...)
	if create && strings.TrimSpace(p.Content) == "" && len(p.Embeds) == 0 && len(p.payload.Components) == 0 {
		problems = append(problems, "cannot send an empty message")
	}
	return p, problems
}

func runes(s string) int { return utf8.RuneCountInString(s) }

func checkEmbeds(es []embed) []string {
	var problems []string
	if len(es) > maxEmbeds {
		problems = append(problems, fmt.Sprintf("%d embeds, limit %d", len(es), maxEmbeds))
	}
	total := 0
	over := func(what string, n, limit int) {
		total += n
		if n > limit {
			problems = append(problems, fmt.Sprintf("embed %s is %d characters, limit %d", what, n, limit))
		}
	}
	for _, e := range es {
		over("title", runes(e.Title), maxEmbedTitle)
		over("description", runes(e.Description), maxEmbedDesc)
		if len(e.Fields) > maxEmbedFields {
			problems = append(problems, fmt.Sprintf("%d embed fields, limit %d", len(e.Fields), maxEmbedFields))
		}
		for _, f := range e.Fields {
			over("field name", runes(f.Name), maxFieldName)
			over("field value", runes(f.Value), maxFieldValue)
		}
		if e.Footer != nil {
			over("footer", runes(e.Footer.Text), maxFooter)
		}
		if e.Author != nil {
			over("author", runes(e.Author.Name), maxEmbedTitle)
		}
	}
	if total > maxEmbedTotal {
		problems = append(problems, fmt.Sprintf("embeds total %d characters, limit %d", total, maxEmbedTotal))
	}
	return problems
}

func checkComponents(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var rows []struct {
		Type       int `json:"type"`
		Components []struct {
			Type     int             `json:"type"`
			Label    string          `json:"label"`
			CustomID string          `json:"custom_id"`
			URL      string          `json:"url"`
			Emoji    json.RawMessage `json:"emoji"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &rows); err != nil {
		return []string{"components: " + err.Error()}
	}
	var problems []string
	if len(rows) > maxRows {
		problems = append(problems, fmt.Sprintf("%d action rows, limit %d", len(rows), maxRows))
	}
	seen := map[string]bool{}
	for _, row := range rows {
		if row.Type != componentRow || len(row.Components) == 0 || len(row.Components) > maxRowItems {
			problems = append(problems, "an action row must hold 1-5 components")
		}
		for _, c := range row.Components {
			if c.Type != componentButton {
				continue
			}
			if runes(c.Label) > maxButtonLabel || (c.Label == "" && len(c.Emoji) == 0) {
				problems = append(problems, "button label must be 1-80 characters or an emoji")
			}
			if c.URL == "" && (c.CustomID == "" || len(c.CustomID) > maxCustomID || seen[c.CustomID]) {
				problems = append(problems, fmt.Sprintf("button custom_id %q must be unique and 1-100 characters", c.CustomID))
			}
			seen[c.CustomID] = true
		}
	}
	return problems
}

// Sent is one message-bearing request the bot made: a message create or
// edit, a followup, or an interaction callback.
type Sent struct {
	Request Request
	Content string
	// AllowedMentions says whether allowed_mentions was present; Parse is
	// its parse list, nil when absent or null.
	AllowedMentions bool
	Parse           []string
	// Flags are the message flags sent (4: link previews suppressed).
	Flags int
}

// SentMessages returns every message-bearing request so far.
func (s *Server) SentMessages() []Sent {
	var out []Sent
	for _, r := range s.Requests() {
		body, ok := messageBody(r)
		if !ok {
			continue
		}
		var p payload
		_ = json.Unmarshal(body, &p) // bodies were validated when received
		sent := Sent{Request: r, Flags: p.Flags}
		if p.Content != nil {
			sent.Content = *p.Content
		}
		if p.AllowedMentions != nil {
			sent.AllowedMentions = true
			if p.AllowedMentions.Parse != nil {
				sent.Parse = *p.AllowedMentions.Parse
			}
		}
		out = append(out, sent)
	}
	return out
}

// messageBody returns the message payload of a request that carries one.
func messageBody(r Request) (json.RawMessage, bool) {
	p := strings.TrimPrefix(r.Path, api)
	switch {
	case strings.HasPrefix(p, "/interactions/"):
		var cb struct {
			Data json.RawMessage `json:"data"`
		}
		_ = json.Unmarshal(r.Body, &cb)
		return cb.Data, true
	case strings.HasPrefix(p, "/webhooks/"):
		return r.Body, r.Method == "POST" || r.Method == "PATCH"
	case strings.HasPrefix(p, "/channels/") && strings.Contains(p, "/messages") && !strings.HasSuffix(p, "/threads"):
		return r.Body, r.Method == "POST" || r.Method == "PATCH"
	}
	return nil, false
}
