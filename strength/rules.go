package strength

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed strength.yaml
var defaultYAML []byte

// Rules are the words of strength.yaml.
type Rules struct {
	Mandatory      []string `yaml:"mandatory"`
	MandatoryNot   []string `yaml:"mandatory_not"`
	Modal          []string `yaml:"modal"`
	ModalNot       []string `yaml:"modal_not"`
	Encouraging    []string `yaml:"encouraging"`
	Permissive     []string `yaml:"permissive"`
	PermissiveNot  []string `yaml:"permissive_not"`
	SupportAccepts []string `yaml:"support_accepts"`
	GuideNouns     []string `yaml:"guide_nouns"`
	Breaks         []string `yaml:"breaks"`
	CarryOn        []string `yaml:"carry_on"`
	Adverbs        []string `yaml:"adverbs"`
	Action         []string `yaml:"action"`
	TargetUnits    []string `yaml:"target_units"`
	UnitNotBefore  []string `yaml:"unit_not_followed_by"`
	Qualifiers     []string `yaml:"target_qualifiers"`
	Totality       []string `yaml:"totality"`
}

// Parse decodes a rules file strictly (unknown keys are errors) and checks
// that no list the reader needs is empty.
func Parse(file string, data []byte) (*Reader, error) {
	var r Rules
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("%s: %s", file, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var empty []string
	for name, l := range map[string][]string{"mandatory": r.Mandatory, "modal": r.Modal, "encouraging": r.Encouraging,
		"action": r.Action, "target_units": r.TargetUnits, "totality": r.Totality} {
		if len(l) == 0 {
			empty = append(empty, name)
		}
	}
	if len(empty) > 0 {
		return nil, fmt.Errorf("%s: empty or missing lists: %s", file, strings.Join(sorted(empty), ", "))
	}
	return newReader(r), nil
}

// Default is the reader of the embedded strength.yaml.
func Default() (*Reader, error) { return Parse("strength.yaml (embedded)", defaultYAML) }

// standard is the embedded rules' reader, built once.
var standard = sync.OnceValue(func() *Reader {
	r, err := Default()
	if err != nil { // strength.yaml is embedded and tested: a build defect, like a bad regexp literal
		panic(err)
	}
	return r
})

// Standard is the reader of the embedded rules, shared by every caller.
func Standard() *Reader { return standard() }
