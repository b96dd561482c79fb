package main

// Bench mode: Helm's engine core (pkg/engine/engine.go render) over Go's own text/template,
// for render-bench's measured peer.
//
//	oracle -bench INPUT.json OUTPUT.json
//
// INPUT: {"templates": [{"name", "text", "basePath"}], "data": {top-level scope}, "runs": N}
// Each run builds a fresh template set as Helm does (root "gotpl", missingkey=zero, the
// functions, every file parsed in Helm's order), then executes every file not starting with
// "_" with the scope plus .Template, removing "<no value>". OUTPUT gets
// {"best_seconds", "best_cpu_seconds", "rendered": {name: text}, "error"}; the best run is the
// figure, so process start, JSON decoding and the Go toolchain are outside it. CPU seconds are
// the process's user+system time (the garbage collector's threads included), which other
// processes on shared cores do not inflate.

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"sort"
	"strings"
	"syscall"
	"text/template"
	"time"
)

type benchTemplate struct {
	Name     string `json:"name"`
	Text     string `json:"text"`
	BasePath string `json:"basePath"`
}

type benchInput struct {
	Templates []benchTemplate        `json:"templates"`
	Data      map[string]interface{} `json:"data"`
	Runs      int                    `json:"runs"`
}

type benchOutput struct {
	BestSeconds    float64           `json:"best_seconds"`
	BestCPUSeconds float64           `json:"best_cpu_seconds"`
	Rendered       map[string]string `json:"rendered"`
	Error          string            `json:"error,omitempty"`
}

// helmOrder is Helm's sortTemplates: deeper paths first, then reverse lexical order.
func helmOrder(templates []benchTemplate) []benchTemplate {
	out := append([]benchTemplate(nil), templates...)
	sort.Slice(out, func(i, j int) bool {
		ci, cj := strings.Count(out[i].Name, "/"), strings.Count(out[j].Name, "/")
		if ci != cj {
			return ci > cj
		}
		return out[j].Name < out[i].Name
	})
	return out
}

// renderHelm is one render: Helm's engine.render with its include (recursion limit 1000).
func renderHelm(ordered []benchTemplate, data map[string]interface{}) (map[string]string, error) {
	t := template.New("gotpl")
	t.Option("missingkey=zero")
	funcs := helmFuncs()
	includedNames := make(map[string]int)
	funcs["include"] = func(name string, data interface{}) (string, error) {
		var buf strings.Builder
		if v, ok := includedNames[name]; ok {
			if v > 1000 {
				return "", fmt.Errorf("rendering template has a nested reference name: %s: unable to execute template", name)
			}
			includedNames[name]++
		} else {
			includedNames[name] = 1
		}
		err := t.ExecuteTemplate(&buf, name, data)
		includedNames[name]--
		return buf.String(), err
	}
	t.Funcs(funcs)
	for _, f := range ordered {
		if _, err := t.New(f.Name).Parse(f.Text); err != nil {
			return nil, err
		}
	}
	rendered := make(map[string]string, len(ordered))
	for _, f := range ordered {
		if strings.HasPrefix(path.Base(f.Name), "_") {
			continue
		}
		vals := make(map[string]interface{}, len(data)+1)
		for k, v := range data {
			vals[k] = v
		}
		vals["Template"] = map[string]interface{}{"Name": f.Name, "BasePath": f.BasePath}
		var buf strings.Builder
		if err := t.ExecuteTemplate(&buf, f.Name, vals); err != nil {
			return nil, err
		}
		rendered[f.Name] = strings.ReplaceAll(buf.String(), "<no value>", "")
	}
	return rendered, nil
}

func runBench(inputPath, outputPath string) error {
	raw, err := os.ReadFile(inputPath)
	if err != nil {
		return err
	}
	var in benchInput
	if err := json.Unmarshal(raw, &in); err != nil {
		return err
	}
	if in.Runs < 1 {
		in.Runs = 1
	}
	ordered := helmOrder(in.Templates)
	var out benchOutput
	best := time.Duration(1<<63 - 1)
	bestCPU := best
	for i := 0; i < in.Runs; i++ {
		cpuStart := processCPU()
		start := time.Now()
		rendered, err := renderHelm(ordered, in.Data)
		elapsed := time.Since(start)
		if cpu := processCPU() - cpuStart; cpu < bestCPU {
			bestCPU = cpu
		}
		if err != nil {
			out.Error = err.Error()
			break
		}
		if elapsed < best {
			best = elapsed
		}
		out.Rendered = rendered
	}
	out.BestSeconds = best.Seconds()
	out.BestCPUSeconds = bestCPU.Seconds()
	f, err := os.Create(outputPath)
	if err != nil {
		return err
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// processCPU is this process's user+system CPU time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
