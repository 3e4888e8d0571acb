package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/fetch"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
	"github.com/spf13/cobra"
)

func (a *app) addCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "add URL...",
		Short: "Fetch articles from the web into the corpus folder, as Markdown with front matter",
		Long: "add fetches each URL, extracts the article (title, author, publisher, date, canonical URL and\n" +
			"text) and saves it as <title>.md in the corpus folder (--corpus or FOOTNOTE_CORPUS_DIR). The next\n" +
			"search or ask indexes it; the bot picks it up by itself.",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("add needs at least one URL")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if a.cfg.CorpusDir == "" {
				return usageError{errors.New("add needs a corpus folder to save into: --corpus DIR or FOOTNOTE_CORPUS_DIR")}
			}
			if err := os.MkdirAll(a.cfg.CorpusDir, 0o755); err != nil {
				return fmt.Errorf("corpus folder: %w", err)
			}
			failed := 0
			for _, u := range args {
				name, doc, err := a.addOne(cmd.Context(), fetch.Fetcher{}, u)
				if err != nil {
					a.warn(fmt.Sprintf("add %s: %v", u, err))
					failed++
					continue
				}
				fmt.Fprintf(a.stdout, "added %s: %s (%d paragraphs)\n", name, doc.Title, len(doc.Paragraphs))
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d URLs not added", failed, len(args))
			}
			return nil
		},
	}
}

// addOne fetches one URL and saves it into the corpus folder, returning the
// file's name.
func (a *app) addOne(ctx context.Context, f fetch.Fetcher, raw string) (string, corpus.Document, error) {
	page, err := f.Fetch(ctx, raw)
	if err != nil {
		return "", corpus.Document{}, err
	}
	art, err := corpus.ReadHTML(page.Body, page.URL)
	if err != nil {
		return "", corpus.Document{}, err
	}
	md, doc, err := corpus.ArticleMarkdown(art, time.Now())
	if err != nil {
		return "", corpus.Document{}, err
	}
	name, err := saveNew(a.cfg.CorpusDir, fileStem(doc.Title, page.URL.Path), md)
	return name, doc, err
}

var fileUnsafe = lazyregexp.New(`[^a-z0-9]+`)

// fileStem names an article's file after its title (or, lacking one, the
// URL's last path segment): lower case, dashes, at most 60 characters.
func fileStem(title, urlPath string) string {
	s := title
	if s == "" {
		s = filepath.Base(urlPath)
	}
	s = strings.Trim(fileUnsafe.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if len(s) > 60 {
		s = strings.TrimRight(s[:60], "-")
	}
	if s == "" {
		s = "article"
	}
	return s
}

// saveNew writes content to dir/stem.md, or stem-2.md … when that exists,
// never overwriting a file; the write goes through a temporary file so a
// watcher never reads half an article.
func saveNew(dir, stem, content string) (string, error) {
	for i := 1; i < 1000; i++ {
		name := stem + ".md"
		if i > 1 {
			name = fmt.Sprintf("%s-%d.md", stem, i)
		}
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(path); err == nil {
			continue
		}
		tmp, err := os.CreateTemp(dir, ".add-*.tmp")
		if err != nil {
			return "", fmt.Errorf("save: %w", err)
		}
		_, werr := tmp.WriteString(content)
		cerr := tmp.Close()
		if err := errors.Join(werr, cerr); err != nil {
			os.Remove(tmp.Name())
			return "", fmt.Errorf("save: %w", err)
		}
		// Link, not rename: it fails instead of replacing a file that
		// appeared meanwhile.
		err = os.Link(tmp.Name(), path)
		os.Remove(tmp.Name())
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("save: %w", err)
		}
		return name, nil
	}
	return "", fmt.Errorf("save: too many articles named %s", stem)
}
