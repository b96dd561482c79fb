package main

// The few Helm and Sprig functions render-bench's generated chart calls, written with Go's
// standard library only so the peer needs no module download. Each follows the Go source of
// its original (Helm pkg/engine, Sprig v3, sigs.k8s.io/yaml over go-yaml v2) for the inputs
// such charts give it; toYaml refuses, with an error, any string it cannot print as go-yaml
// v2 would, rather than print it differently.

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"unicode"
)

// strval is Sprig's strval: how Sprig turns any value into a string.
func strval(v interface{}) string {
	switch v := v.(type) {
	case string:
		return v
	case []byte:
		return string(v)
	case error:
		return v.Error()
	case fmt.Stringer:
		return v.String()
	default:
		return fmt.Sprintf("%v", v)
	}
}

// empty is Sprig's empty: the zero value of its kind, or nil.
func empty(given interface{}) bool {
	g := reflect.ValueOf(given)
	if !g.IsValid() {
		return true
	}
	switch g.Kind() {
	default:
		return g.IsNil()
	case reflect.Array, reflect.Slice, reflect.Map, reflect.String:
		return g.Len() == 0
	case reflect.Bool:
		return !g.Bool()
	case reflect.Complex64, reflect.Complex128:
		return g.Complex() == 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return g.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return g.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return g.Float() == 0
	case reflect.Struct:
		return false
	}
}

func indent(spaces int, v string) string {
	pad := strings.Repeat(" ", spaces)
	return pad + strings.ReplaceAll(v, "\n", "\n"+pad)
}

// helmFuncs: Sprig's quote, default, dict, trunc, trimSuffix, indent, nindent and Helm's
// toYaml. `include` is bound per render (see newHelmSet).
func helmFuncs() template.FuncMap {
	return template.FuncMap{
		"quote": func(str ...interface{}) string {
			out := make([]string, 0, len(str))
			for _, s := range str {
				if s != nil {
					out = append(out, fmt.Sprintf("%q", strval(s)))
				}
			}
			return strings.Join(out, " ")
		},
		"default": func(d interface{}, given ...interface{}) interface{} {
			if len(given) == 0 || empty(given[0]) {
				return d
			}
			return given[0]
		},
		"dict": func(v ...interface{}) map[string]interface{} {
			dict := map[string]interface{}{}
			lenv := len(v)
			for i := 0; i < lenv; i += 2 {
				key := strval(v[i])
				if i+1 >= lenv {
					dict[key] = ""
					continue
				}
				dict[key] = v[i+1]
			}
			return dict
		},
		"trunc": func(c int, s string) string {
			if c < 0 && len(s)+c > 0 {
				return s[len(s)+c:]
			}
			if c >= 0 && len(s) > c {
				return s[:c]
			}
			return s
		},
		"trimSuffix": func(a, b string) string { return strings.TrimSuffix(b, a) },
		"indent":     indent,
		"nindent":    func(spaces int, v string) string { return "\n" + indent(spaces, v) },
		"toYaml": func(v interface{}) string {
			s, err := toYaml(v)
			if err != nil {
				// Helm's toYaml swallows errors and prints ""; the peer must not hide a gap.
				panic(err)
			}
			return s
		},
	}
}

// toYaml is Helm's toYaml: sigs.k8s.io/yaml.Marshal (JSON, then go-yaml v2 of the decoded
// JSON) with the final newline trimmed.
func toYaml(v interface{}) (string, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	var decoded interface{}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if err := dec.Decode(&decoded); err != nil {
		return "", err
	}
	var b strings.Builder
	if err := emitYAML(&b, decoded, 0, false); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// emitYAML writes go-yaml v2's block style: maps with sorted keys, sequences at their key's
// indentation, two spaces per level. inSeq: the value follows "- " on the same line.
func emitYAML(b *strings.Builder, v interface{}, level int, inSeq bool) error {
	pad := strings.Repeat("  ", level)
	switch x := v.(type) {
	case map[string]interface{}:
		if len(x) == 0 {
			b.WriteString("{}\n")
			return nil
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return yamlKeyLess(keys[i], keys[j]) })
		for i, k := range keys {
			if i > 0 || !inSeq {
				b.WriteString(pad)
			}
			ks, err := yamlScalar(k)
			if err != nil {
				return err
			}
			b.WriteString(ks + ":")
			if err := emitValue(b, x[k], level, false); err != nil {
				return err
			}
		}
	case []interface{}:
		if len(x) == 0 {
			b.WriteString("[]\n")
			return nil
		}
		for i, e := range x {
			if i > 0 || !inSeq {
				b.WriteString(pad)
			}
			b.WriteString("-")
			if err := emitValue(b, e, level, true); err != nil {
				return err
			}
		}
	default:
		s, err := yamlScalar(x)
		if err != nil {
			return err
		}
		b.WriteString(s + "\n")
	}
	return nil
}

// emitValue writes what follows "key:" or "-".
func emitValue(b *strings.Builder, v interface{}, level int, seqItem bool) error {
	switch x := v.(type) {
	case map[string]interface{}:
		if len(x) == 0 {
			b.WriteString(" {}\n")
			return nil
		}
		if seqItem {
			b.WriteString(" ")
			return emitYAML(b, x, level+1, true)
		}
		b.WriteString("\n")
		return emitYAML(b, x, level+1, false)
	case []interface{}:
		if len(x) == 0 {
			b.WriteString(" []\n")
			return nil
		}
		if seqItem {
			b.WriteString(" ")
			return emitYAML(b, x, level+1, true)
		}
		b.WriteString("\n")
		return emitYAML(b, x, level, false)
	default:
		s, err := yamlScalar(x)
		if err != nil {
			return err
		}
		b.WriteString(" " + s + "\n")
		return nil
	}
}

// yamlScalar prints a JSON scalar as go-yaml v2 does. Strings: plain when they are made of
// letters, digits and ._/- and read back as strings; double-quoted when plain text would
// read back as another type; anything else is outside this peer.
func yamlScalar(v interface{}) (string, error) {
	switch x := v.(type) {
	case nil:
		return "null", nil
	case bool:
		return strconv.FormatBool(x), nil
	case json.Number:
		if _, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return string(x), nil
		}
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			return "", err
		}
		return strconv.FormatFloat(f, 'g', -1, 64), nil
	case string:
		if x == "" {
			return `""`, nil
		}
		if resolvesToNonString(x) {
			return strconv.Quote(x), nil
		}
		for i, r := range x {
			ok := r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '/' ||
				(i > 0 && (r == '.' || r == '-')))
			if !ok {
				return "", fmt.Errorf("toYaml peer: string %q needs go-yaml quoting rules this peer does not implement", x)
			}
		}
		return x, nil
	}
	return "", fmt.Errorf("toYaml peer: unsupported value %T", v)
}

// resolvesToNonString: YAML 1.1 (go-yaml v2) would read the plain text as a bool, null or number.
func resolvesToNonString(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
		"false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~",
		".inf", ".Inf", ".INF", "+.inf", "-.inf", ".nan", ".NaN", ".NAN":
		return true
	}
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseFloat(plain, 64); err == nil {
		return true
	}
	return false
}

// yamlKeyLess is go-yaml v2's key order: letters by code point, digit runs by value.
func yamlKeyLess(a, b string) bool {
	ar, br := []rune(a), []rune(b)
	for i := 0; i < len(ar) && i < len(br); i++ {
		if ar[i] == br[i] {
			continue
		}
		al, bl := unicode.IsLetter(ar[i]), unicode.IsLetter(br[i])
		if al && bl {
			return ar[i] < br[i]
		}
		if al || bl {
			return bl
		}
		var ai, bi int
		var an, bn int64
		if ar[i] == '0' || br[i] == '0' {
			for j := i - 1; j >= 0 && unicode.IsDigit(ar[j]); j-- {
				if ar[j] != '0' {
					an, bn = 1, 1
					break
				}
			}
		}
		for ai = i; ai < len(ar) && unicode.IsDigit(ar[ai]); ai++ {
			an = an*10 + int64(ar[ai]-'0')
		}
		for bi = i; bi < len(br) && unicode.IsDigit(br[bi]); bi++ {
			bn = bn*10 + int64(br[bi]-'0')
		}
		if an != bn {
			return an < bn
		}
		if ai != bi {
			return ai < bi
		}
		return ar[i] < br[i]
	}
	return len(ar) < len(br)
}
