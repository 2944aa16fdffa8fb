package goview

import (
	"html"
	"strings"
)

// docWidth is the column godoc text is wrapped at, not counting "// ".
const docWidth = 77

// DocLines turns a Smithy documentation string (AWS models use a small HTML
// subset) into godoc lines: paragraphs separated by empty lines, list items
// as "  - item", tags dropped, entities decoded, wrapped at docWidth.
func DocLines(doc string) []string {
	var paras []string
	var cur strings.Builder
	flush := func(prefix string) {
		text := strings.Join(strings.Fields(html.UnescapeString(cur.String())), " ")
		cur.Reset()
		if text != "" {
			paras = append(paras, prefix+text)
		}
	}
	listItem := false
	for len(doc) > 0 {
		lt := strings.IndexByte(doc, '<')
		if lt < 0 {
			cur.WriteString(doc)
			break
		}
		cur.WriteString(doc[:lt])
		gt := strings.IndexByte(doc[lt:], '>')
		if gt < 0 {
			// A lone '<' is text, not a tag.
			cur.WriteString(doc[lt:])
			break
		}
		closing := strings.HasPrefix(doc[lt+1:], "/")
		tag := strings.ToLower(strings.Trim(doc[lt+1:lt+gt], "/ "))
		if i := strings.IndexAny(tag, " \t\n"); i >= 0 {
			tag = tag[:i]
		}
		doc = doc[lt+gt+1:]
		switch {
		case tag == "li":
			flush(itemPrefix(listItem))
			listItem = !closing
		case listItem:
			// Paragraphs inside a list item stay part of the item.
			cur.WriteByte(' ')
		case blockTags[tag]:
			flush("")
		}
	}
	flush(itemPrefix(listItem))
	var lines []string
	for i, p := range paras {
		if i > 0 && !(strings.HasPrefix(p, "  - ") && strings.HasPrefix(paras[i-1], "  - ")) {
			lines = append(lines, "")
		}
		lines = append(lines, wrap(p, docWidth)...)
	}
	return lines
}

// blockTags break a paragraph.
var blockTags = map[string]bool{
	"p": true, "ul": true, "ol": true, "note": true, "important": true, "br": true, "div": true,
	"dl": true, "dt": true, "dd": true, "h1": true, "h2": true, "h3": true, "h4": true,
}

func itemPrefix(item bool) string {
	if item {
		return "  - "
	}
	return ""
}

// wrap breaks text into lines of at most width columns, never inside a word;
// continuation lines of a list item are indented to match.
func wrap(text string, width int) []string {
	indent := ""
	if strings.HasPrefix(text, "  - ") {
		indent = "    "
	}
	var lines []string
	line := ""
	for _, w := range strings.Fields(strings.TrimPrefix(text, "  - ")) {
		switch {
		case line == "":
			line = w
		case len(line)+1+len(w) > width-len(indent):
			lines = append(lines, line)
			line = w
		default:
			line += " " + w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	for i := range lines {
		if i == 0 && indent != "" {
			lines[i] = "  - " + lines[i]
		} else {
			lines[i] = indent + lines[i]
		}
	}
	return lines
}
