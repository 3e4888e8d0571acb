module github.com/footnote-dev/footnote

go 1.26.8

require (
	github.com/kljensen/snowball v0.10.0
	github.com/neurosnap/sentences v1.1.2
	github.com/philippgille/chromem-go v0.7.0
	golang.org/x/text v0.43.0
)
