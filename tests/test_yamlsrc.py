"""YAML -> values and lines: what is read, what is refused, and the words and line of every refusal."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from digest.read.yaml_lines import MAX_ALIAS_VALUES, MAX_DEPTH, YamlProblem, load, split_front_matter


def refusal(text: str, first_line: int = 1) -> tuple[int, str]:
    with pytest.raises(YamlProblem) as caught:
        load(text, first_line)
    return caught.value.line, caught.value.message


TOO_DEEP = f"refused: values nested more than {MAX_DEPTH} levels deep"


def billion_laughs(levels: int = 9) -> str:
    """The classic alias bomb: each level repeats the one before nine times (9**9 values in all)."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 9)}]")
    return "\n".join(lines) + "\n"


# What is read -------------------------------------------------------------------------------------

def test_every_value_keeps_its_file_line():
    document = load("title: T\nquotes:\n  - speaker: A\n    text: B\nregions: [iraq,\n  syria]\n", first_line=2)
    assert document.value == {"title": "T", "quotes": [{"speaker": "A", "text": "B"}], "regions": ["iraq", "syria"]}
    assert document.line("title") == 2
    assert document.line("quotes", 0) == 4
    assert document.line("quotes", 0, "text") == 5
    assert document.line("regions", 1) == 7
    assert document.line("quotes", 7, "speaker") == 3  # no such value: the closest enclosing one


def test_dates_stay_text_for_validation_to_judge():
    assert load("date: 2025-01-16\nwhen: 2025-01-16T08:30:00+02:00\n").value == {
        "date": "2025-01-16",
        "when": "2025-01-16T08:30:00+02:00",
    }


def test_a_key_given_twice_keeps_the_first_and_says_so():
    document = load("title: One\nsummary: S\ntitle: Two\n")
    assert document.value["title"] == "One"
    assert document.problems == ((3, "'title' is given twice (first at line 1)"),)


def test_anchors_and_aliases_within_bounds_are_read():
    document = load("a: &names [iraq, syria]\nb: *names\n")
    assert document.value == {"a": ["iraq", "syria"], "b": ["iraq", "syria"]}


def test_a_large_registry_without_aliases_is_not_mistaken_for_a_bomb():
    text = "".join(
        f"actor-{i}: {{name: Actor {i}, kind: person, aliases: [A{i}, B{i}, C{i}]}}\n" for i in range(10_000)
    )
    assert len(load(text).value) == 10_000


# Front matter -------------------------------------------------------------------------------------

def test_front_matter_is_split_with_the_body_and_its_first_line():
    front = split_front_matter("---\ntitle: T\n---\nBody\n---\nmore\n")
    assert (front.text, front.first_line, front.body) == ("title: T", 2, "Body\n---\nmore\n")


def test_front_matter_may_close_with_dots():
    assert split_front_matter("---\ntitle: T\n...\nBody").body == "Body"


@pytest.mark.parametrize("text, message", [
    ("title: T\n", "no front matter: the file must start with a line '---', then the fields, then '---'"),
    ("---\ntitle: T\nBody\n", "front matter is not closed: no line '---' after the fields"),
    ("---\n---\nBody\n", "front matter is empty: expected fields such as 'title:' between the '---' lines"),
    ("---\n  \n\n---\nBody\n", "front matter is empty: expected fields such as 'title:' between the '---' lines"),
])
def test_front_matter_missing_unclosed_or_empty(text, message):
    with pytest.raises(YamlProblem) as caught:
        split_front_matter(text)
    assert (caught.value.line, caught.value.message) == (1, message)


# Syntax errors, in the curator's words, at the line to fix ---------------------------------------

@pytest.mark.parametrize(
    "text, line, message",
    [
        (
            "title: T\nsummary: Iraq: the vote\n",
            3,
            "a ':' here is read as a new field: put the value in quotes (title: \"Iraq: the vote\") or fix the "
            "indentation",
        ),
        ('title: T\nsummary: "unclosed\nregions: [iraq]\n', 3, "a quoted value is not closed: add the closing quote"),
        ("title: T\nregions: [iraq, syria\nsummary: S\n", 3, "a list in [brackets] is not closed: expected ',' or ']'"),
        ("source: {name: X\ntitle: T\n", 2, "a mapping in {braces} is not closed: expected ',' or '}'"),
        (
            "title: T\nsource:\n  name: X\n url: Y\n",
            5,
            "expected a 'name: value' line here: check the indentation, or put the whole value in quotes",
        ),
        (
            'title: "Quoted" and more\n',
            2,
            "expected a 'name: value' line here: check the indentation, or put the whole value in quotes",
        ),
        ("title: T\nregions:\n  - iraq\n  syria\nsummary: S\n", 5, "expected 'name: value' here: is a ':' missing?"),
        ("- iraq\nsyria: x\n", 3, "expected a '- ' list item here: check the indentation"),
        ("title: *bold* words\n", 2, "'*' cannot start a value in YAML: put the value in quotes"),
        ("title: & co\n", 2, "'&' cannot start a value in YAML: put the value in quotes"),
        ("title: @handle said\n", 2, "'@' cannot start a value in YAML: put the value in quotes"),
        ("title: `code`\n", 2, "'`' cannot start a value in YAML: put the value in quotes"),
        (
            "title: T\nsummary: *summary\n",
            3,
            "'*' starts an alias in YAML, and no '&' anchor has that name: put the value in quotes",
        ),
        ("title: T\n---\ntitle: U\n", 3, "a second document (a '---' line) in the file: there must be only one"),
    ],
)
def test_syntax_errors_say_what_to_do_at_the_right_line(text, line, message):
    assert refusal(text, first_line=2) == (line, message)


@pytest.mark.parametrize("text, line", [
    ("title: T\nquotes:\n\t- speaker: A\n", 4),
    ("title: T\n\tsummary: S\n", 3),
    ("source:\n  name: X\n\turl: https://example.org\n", 4),
])
def test_tabs_used_for_indentation(text, line):
    assert refusal(text, first_line=2) == (line, "a tab is used for indentation; YAML allows only spaces")


def test_a_tab_after_the_colon_is_fine():
    assert load("title:\tT\n").value == {"title": "T"}


def test_a_raw_control_character_is_named_at_its_line():
    assert refusal("title: T\nsummary: \"a\x01b\"\n", first_line=2) == (
        3, "the invisible control character U+0001 is not allowed in YAML: remove it")


def test_merge_keys_and_complex_keys_are_refused():
    assert refusal("base: &b {name: X}\nentry:\n  <<: *b\n") == (
        3,
        "merge keys ('<<') are not supported; write the fields out",
    )
    assert refusal("? [a, b]\n: c\n") == (1, "a key must be a plain name, got a list or mapping")


# Tags: only plain values, lists and mappings; nothing is ever constructed -----------------------

@pytest.mark.parametrize("text, tag", [
    ("title: !!python/object/apply:os.system [echo]\n", "!!python/object/apply:os.system"),
    ("title: !!python/object/new:builtins.dict {a: 1}\n", "!!python/object/new:builtins.dict"),
    ("title: !!python/name:os.system\n", "!!python/name:os.system"),
    ("title: !!python/tuple [a]\n", "!!python/tuple"),
    ("title: !!binary aGVsbG8=\n", "!!binary"),
    ("regions: !!set {iraq}\n", "!!set"),
    ("regions: !!omap [a: 1]\n", "!!omap"),
    ("title: !!str {a: 1}\n", "!!str"),
    ("title: !custom x\n", "!custom"),
    ("!local {title: T}\n", "!local"),
    ("title: !<tag:example.org,2025:x> y\n", "tag:example.org,2025:x"),
])
def test_non_standard_tags_are_refused(text, tag):
    assert refusal(text) == (1, f"the tag '{tag}' is not allowed; only plain YAML values are accepted")


def test_a_python_tag_is_never_executed(tmp_path):
    """Each document would create a file if any loader ran it; the reader refuses them in a fresh process."""
    marker = tmp_path / "executed"
    documents = [
        f"title: !!python/object/apply:os.system ['touch {marker}']\n",
        f"title: !!python/object/apply:subprocess.call [[touch, '{marker}']]\n",
        f"title: !!python/object/new:pathlib.Path ['{marker}']\n",
    ]
    script = textwrap.dedent("""
        import sys
        from digest.read.yaml_lines import YamlProblem, load
        for text in sys.argv[1:]:
            try:
                load(text)
            except YamlProblem as problem:
                print(problem.message)
    """)
    result = subprocess.run([sys.executable, "-c", script, *documents], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "the tag '!!python/object/apply:os.system' is not allowed; only plain YAML values are accepted",
        "the tag '!!python/object/apply:subprocess.call' is not allowed; only plain YAML values are accepted",
        "the tag '!!python/object/new:pathlib.Path' is not allowed; only plain YAML values are accepted",
    ]
    assert not marker.exists()


@pytest.mark.parametrize("text, message", [
    ("n: !!int abc\n", "'abc' is not a valid !!int: remove the tag or fix the value"),
    ("n: !!int\n", "'' is not a valid !!int: remove the tag or fix the value"),
    ("n: !!float many\n", "'many' is not a valid !!float: remove the tag or fix the value"),
    ("n: !!bool maybe\n", "'maybe' is not a valid !!bool: remove the tag or fix the value"),
])
def test_a_standard_tag_on_a_value_it_does_not_fit(text, message):
    assert refusal(text) == (1, message)


def test_standard_tags_on_values_they_fit_are_read():
    assert load("a: !!int '12'\nb: !!str 12\nc: !!bool 'true'\n").value == {"a": 12, "b": "12", "c": True}


# Hostile shapes: refused before anything is built ------------------------------------------------

def test_a_billion_laughs_is_refused_at_the_alias_that_crosses_the_budget():
    # a0..a3 expand to 8,289 values; a4's first alias passes 10,000
    assert refusal(billion_laughs(), first_line=2) == (
        6, f"refused: aliases expand to more than {MAX_ALIAS_VALUES:,} values (an alias bomb?)")


def test_a_billion_laughs_never_hangs_the_reader():
    """In a fresh process with a time limit, so that a regression fails instead of hanging the suite."""
    script = (
        "import sys; from digest.read.yaml_lines import load, YamlProblem\n"
        "try: load(sys.stdin.read())\nexcept YamlProblem as p: print(p.message)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], input=billion_laughs(12), capture_output=True, text=True, timeout=60
    )
    assert result.stdout.startswith("refused: aliases expand to more than"), result.stderr


def test_an_alias_inside_the_value_it_names_is_refused():
    assert refusal("title: T\nloop: &me [a, *me]\n") == (2, "refused: the alias '*me' is inside the value it names")


@pytest.mark.parametrize("text, line", [
    ("a: " + "[" * 100_000, 1),
    ("a: " + "[" * 40 + "]" * 40, 1),
    ("a: " + "{b: " * 40 + "1" + "}" * 40, 1),
    ("".join(" " * level + f"k{level}:\n" for level in range(40)) + " " * 40 + "v\n", MAX_DEPTH + 1),
])
def test_deep_nesting_is_refused_before_libyaml_recurses(text, line):
    """libyaml's composer recurses in C: 50,000 unclosed brackets crashed the process before this check."""
    assert refusal(text) == (line, f"refused: values nested more than {MAX_DEPTH} levels deep")


def test_nesting_through_aliases_counts_too():
    lines = ["l0: &l0 [x]"] + [f"l{i}: &l{i} [*l{i - 1}]" for i in range(1, MAX_DEPTH + 2)]
    line, message = refusal("\n".join(lines) + "\n")
    assert message == f"refused: values nested more than {MAX_DEPTH} levels deep (through aliases)"
    assert line == MAX_DEPTH  # l31: the root mapping, its list and the 31 levels *l30 names


@pytest.mark.parametrize("before", ["n: !!int abc\n", "deep: 1\n", "<<: {a: 1}\n"])
def test_a_short_document_is_refused_in_the_screens_order(before):
    """A shallow one is read without the screen first (UNSCREENED_LEVELS): a refused tag, a key given twice
    or a merge key on line 1 must not hide the nesting the screen refuses on line 2."""
    assert refusal(before + "deep: " + "[" * 40 + "]" * 40 + "\n") == (2, TOO_DEEP)


@pytest.mark.parametrize("opening", ["[", "{", "- ", "? "])
def test_the_deepest_unscreened_document_fits_the_smallest_thread_stack(opening):
    """libyaml's composer takes C stack for every level; musl's 128 KB thread stack holds UNSCREENED_LEVELS
    of them. Deeper documents go through the screen, which refuses them in any stack."""
    script = (
        "import threading; from digest.read.yaml_lines import load, YamlProblem, UNSCREENED_LEVELS\n"
        "def run():\n"
        f"    for levels in (UNSCREENED_LEVELS, 100_000):\n"
        f"        try: load({opening!r} * levels + 'x')\n"
        "        except YamlProblem as p: print(p.message)\n"
        "threading.stack_size(128 << 10); thread = threading.Thread(target=run); thread.start(); thread.join()"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout == 2 * (TOO_DEEP + "\n"), result.stderr


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_lines_stay_the_editors_after_characters_yaml_alone_breaks_lines_at(separator):
    """Text pasted from the web carries U+2028; YAML counts it as a line break, editors do not."""
    document = load(f"title: One{separator}two\nsummary: S\nregions: [iraq, Irakk]\n", first_line=2)
    assert (document.line("summary"), document.line("regions", 1)) == (3, 4)
    assert refusal(f"title: One{separator}two\nsummary: Iraq: the vote\n", first_line=2)[0] == 3
    assert document.value["title"] == "One two"
