package main

import (
	"io"
	"os"
	"strings"

	"github.com/mitchellh/go-wordwrap"
	"golang.org/x/term"
)

// minWrapWidth keeps a very narrow terminal from wrapping one word a line.
const minWrapWidth = 40

// outputWidth is the column count to wrap answers and quotes to: the
// terminal's width when w is one, 0 (no wrapping) when output is piped or
// redirected, so scripts and files get one line per paragraph.
func outputWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok {
		return 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width <= 0 {
		return 0
	}
	return max(width, minWrapWidth)
}

// wrapIndented puts text behind margin, wrapped so that no line passes
// width columns (a word longer than the line stays whole); width 0 keeps
// it on one line.
func wrapIndented(text, margin string, width int) string {
	text = strings.Join(strings.Fields(text), " ")
	if width == 0 {
		return margin + text
	}
	lim := max(width-len([]rune(margin)), minWrapWidth/2)
	lines := strings.Split(wordwrap.WrapString(text, uint(lim)), "\n")
	return margin + strings.Join(lines, "\n"+margin)
}
