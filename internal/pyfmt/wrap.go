package pyfmt

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Wrap breaks s into lines of at most width characters the way argparse
// does for help texts: runs of white space become one space, then
// Python's textwrap.wrap with its defaults applies: a line may also end
// after the hyphen of a hyphenated word ("snapshot-" / "id"), and a word
// longer than a line is cut.
func Wrap(s string, width int) []string {
	chunks := wrapChunks(strings.Join(strings.Fields(s), " "))
	var lines []string
	for len(chunks) > 0 {
		var line []string
		n := 0
		if chunks[0] == " " && len(lines) > 0 {
			chunks = chunks[1:]
		}
		for len(chunks) > 0 && n+runes(chunks[0]) <= width {
			line = append(line, chunks[0])
			n += runes(chunks[0])
			chunks = chunks[1:]
		}
		if len(chunks) > 0 && runes(chunks[0]) > width {
			// a word longer than a whole line: cut it, after its last
			// hyphen that fits if there is one
			space := width - n
			if width < 1 {
				space = 1
			}
			r := []rune(chunks[0])
			end := space
			if h := lastHyphen(r[:space]); h > 0 && strings.Trim(string(r[:h]), "-") != "" {
				end = h + 1
			}
			line = append(line, string(r[:end]))
			chunks[0] = string(r[end:])
		}
		if len(line) > 0 && line[len(line)-1] == " " {
			line = line[:len(line)-1]
		}
		if len(line) > 0 {
			lines = append(lines, strings.Join(line, ""))
		}
	}
	return lines
}

func runes(s string) int { return utf8.RuneCountInString(s) }

func lastHyphen(r []rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if r[i] == '-' {
			return i
		}
	}
	return -1
}

// wrapChunks splits s (single spaces only) into the pieces textwrap keeps
// together: spaces, words, the parts of hyphenated words each with its
// hyphen, and em-dashes ("--") between words.
func wrapChunks(s string) []string {
	r := []rune(s)
	at := func(i int) rune {
		if i < 0 || i >= len(r) {
			return 0
		}
		return r[i]
	}
	var chunks []string
	for i := 0; i < len(r); {
		if r[i] == ' ' {
			chunks = append(chunks, " ")
			i++
			continue
		}
		if n := dashes(r[i:]); n >= 2 && wordPunct(at(i-1)) && i+n < len(r) && isWord(r[i+n]) {
			chunks = append(chunks, string(r[i:i+n]))
			i += n
			continue
		}
		end := i + 1
		for ; end < len(r); end++ {
			c := r[end]
			if c == ' ' {
				break
			}
			if c == '-' && hyphenBreak(at, end) {
				end++
				break
			}
			if wordPunct(r[end-1]) && dashes(r[end:]) >= 2 && isWord(at(end+dashes(r[end:]))) {
				break
			}
		}
		chunks = append(chunks, string(r[i:end]))
		i = end
	}
	return chunks
}

// hyphenBreak reports whether a line may end after the hyphen at i: two
// letters or letter-hyphen-letter before it, letter[-]letter after it.
func hyphenBreak(at func(int) rune, i int) bool {
	before := (letter(at(i-1)) && letter(at(i-2))) ||
		(letter(at(i-1)) && at(i-2) == '-' && letter(at(i-3)))
	if !before || !letter(at(i+1)) {
		return false
	}
	return letter(at(i+2)) || (at(i+2) == '-' && letter(at(i+3)))
}

func dashes(r []rune) int {
	n := 0
	for n < len(r) && r[n] == '-' {
		n++
	}
	return n
}

// letter is Python's [^\d\W]: a word character that is not a digit.
func letter(c rune) bool { return c == '_' || unicode.IsLetter(c) }

func isWord(c rune) bool { return letter(c) || unicode.IsDigit(c) }

func wordPunct(c rune) bool { return isWord(c) || strings.ContainsRune(`!"'&.,?`, c) }
