// Command oracle renders Go text/template cases with Go's own engine, so that Shipshape's
// Templates module can be compared with the real thing. Standard library only.
//
// Input (file named by the first argument): a JSON array of cases
//
//	{"template": "...", "data": <any JSON>, "ints": bool, "missingkey": "zero"|"error"|"", "helm": bool}
//
// Output (stdout): a JSON array of {"output": "...", "error": "..."}, one per case.
// "ints" turns whole JSON numbers into int64 (as Helm's --set does); otherwise every number
// is a float64, as in Helm's values. "helm" removes "<no value>" from the output as Helm does.
//
// With "-bench INPUT OUTPUT" it is render-bench's peer instead: see bench.go.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/template"
)

type testCase struct {
	Template   string          `json:"template"`
	Data       json.RawMessage `json:"data"`
	Ints       bool            `json:"ints"`
	MissingKey string          `json:"missingkey"`
	Helm       bool            `json:"helm"`
}

type result struct {
	Output string `json:"output"`
	Error  string `json:"error"`
}

func toInts(v interface{}) interface{} {
	switch x := v.(type) {
	case float64:
		if x == float64(int64(x)) {
			return int64(x)
		}
		return x
	case []interface{}:
		for i := range x {
			x[i] = toInts(x[i])
		}
		return x
	case map[string]interface{}:
		for k := range x {
			x[k] = toInts(x[k])
		}
		return x
	}
	return v
}

func run(c testCase) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r = result{Error: fmt.Sprintf("panic: %v", p)}
		}
	}()
	var data interface{}
	if len(c.Data) > 0 {
		if err := json.Unmarshal(c.Data, &data); err != nil {
			return result{Error: "bad data: " + err.Error()}
		}
	}
	if c.Ints {
		data = toInts(data)
	}
	t := template.New("t.tpl")
	if c.MissingKey != "" {
		t.Option("missingkey=" + c.MissingKey)
	}
	if _, err := t.Parse(c.Template); err != nil {
		return result{Error: err.Error()}
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, "t.tpl", data); err != nil {
		return result{Error: err.Error()}
	}
	out := b.String()
	if c.Helm {
		out = strings.ReplaceAll(out, "<no value>", "")
	}
	return result{Output: out}
}

func main() {
	if len(os.Args) == 4 && os.Args[1] == "-bench" {
		if err := runBench(os.Args[2], os.Args[3]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var cases []testCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	results := make([]result, len(cases))
	for i, c := range cases {
		results[i] = run(c)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(results); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
