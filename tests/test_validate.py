"""Every class of data error gives one exact FILE:LINE: path: message, and all are reported."""

from __future__ import annotations

from support import line_of

ROLE_START = "  - id: ml-engineer\n"


def test_real_data_is_valid(data_copy):
    assert data_copy.problems() == []


def test_yaml_syntax_error_points_at_the_line(data_copy):
    data_copy.write("interviewing.yaml", "principles:\n  - id: a\n    title: [unclosed\n")
    assert data_copy.problems() == [
        "data/interviewing.yaml:4: YAML syntax error: "
        "expected ',' or ']', but got '<stream end>' (while parsing a flow sequence)"
    ]


def test_duplicate_key_is_rejected_not_silently_kept(data_copy):
    text = data_copy.replace("roles.yaml", ROLE_START, ROLE_START + "    title: Duplicate\n")
    first = line_of(text, "title:", 1)
    assert data_copy.problems() == [
        f"data/roles.yaml:{first + 1}: roles[0].title: duplicate key 'title' "
        f"(first defined on line {first})"
    ]


def test_yaml_boolean_in_a_text_field_is_an_error(data_copy):
    text = data_copy.replace("roles.yaml", "abbreviation: MLE", "abbreviation: no")
    line = line_of(text, "abbreviation: no")
    assert data_copy.problems() == [
        f"data/roles.yaml:{line}: roles[0].abbreviation: expected text, but YAML read no as "
        f'a boolean; put it in quotes: "no"'
    ]


def test_unquoted_edition_is_read_as_a_number(data_copy):
    text = data_copy.replace("handbook.yaml", 'edition: "2026.11"', "edition: 2026.10")
    line = line_of(text, "edition:")
    assert data_copy.problems() == [
        f"data/handbook.yaml:{line}: edition: expected text, but YAML read 2026.10 as a number; "
        f'put it in quotes: "2026.10"'
    ]


def test_badly_formed_edition(data_copy):
    text = data_copy.replace("handbook.yaml", 'edition: "2026.11"', 'edition: "Nov 2026"')
    line = line_of(text, "edition:")
    assert data_copy.problems() == [
        f"data/handbook.yaml:{line}: edition: 'Nov 2026' is not an edition of the form "
        "YYYY.MM (e.g. 2026.11)"
    ]


def test_missing_required_field(data_copy):
    text = data_copy.text("interviewing.yaml")
    lines = text.splitlines(keepends=True)
    title_line = line_of(text, "title:")
    del lines[title_line - 1]
    data_copy.write("interviewing.yaml", "".join(lines))
    item_line = line_of(text, "- id:")
    assert data_copy.problems() == [
        f"data/interviewing.yaml:{item_line}: principles[0].title: required field is missing"
    ]


def test_unknown_field_suggests_the_right_name(data_copy):
    text = data_copy.replace("roles.yaml", ROLE_START, ROLE_START + "    titel: Typo\n")
    line = line_of(text, "titel:")
    assert data_copy.problems() == [
        f"data/roles.yaml:{line}: roles[0].titel: unknown field 'titel' (did you mean 'title'?)"
    ]


def test_bad_id(data_copy):
    text = data_copy.replace("interviewing.yaml", "- id: ", "- id: Rank_On_Axes\n    x-old: ", 1)
    text = data_copy.replace("interviewing.yaml", "    x-old: ", "    # ")
    line = line_of(text, "Rank_On_Axes")
    assert data_copy.problems() == [
        f"data/interviewing.yaml:{line}: principles[0].id: 'Rank_On_Axes' is not a valid id "
        "(use lowercase letters, digits and single hyphens, e.g. ml-engineer)"
    ]


def test_duplicate_role_id(data_copy):
    text = data_copy.replace("roles.yaml", "- id: ml-scientist", "- id: ml-engineer")
    first, second = line_of(text, "- id: ml-engineer", 1), line_of(text, "- id: ml-engineer", 2)
    problems = data_copy.problems()
    assert (
        f"data/roles.yaml:{second}: roles[1].id: duplicate id 'ml-engineer' "
        f"(first used at data/roles.yaml:{first})"
    ) in problems


def test_duplicate_question_id_across_files(data_copy):
    theory = data_copy.text("questions/ml-theory.yaml")
    first_id = theory.split("- id: ", 1)[1].split("\n", 1)[0]
    data_copy.write(
        "questions/culture.yaml",
        data_copy.text("questions/culture.yaml").replace("- id: ", f"- id: {first_id}\n    # ", 1),
    )
    culture = data_copy.text("questions/culture.yaml")
    assert data_copy.problems() == [
        f"data/questions/ml-theory.yaml:{line_of(theory, '- id: ' + first_id)}: questions[0].id: "
        f"duplicate question id '{first_id}' (first used at "
        f"data/questions/culture.yaml:{line_of(culture, '- id: ' + first_id)})"
    ]


def test_reference_to_unknown_role(data_copy):
    text = data_copy.text("questions/culture.yaml")
    roles_line = line_of(text, "roles:")
    lines = text.splitlines(keepends=True)
    lines[roles_line - 1] = "    roles: [ml-enginer]\n"
    data_copy.write("questions/culture.yaml", "".join(lines))
    assert data_copy.problems() == [
        f"data/questions/culture.yaml:{roles_line}: questions[0].roles[0]: unknown role "
        "'ml-enginer' (known: ml-engineer, ml-scientist, mlops-engineer, data-engineer, ml-lead)"
    ]


def test_level_out_of_range(data_copy):
    text = data_copy.text("roles.yaml")
    start = text.index("- id: ml-scientist")
    before, after = text[:start], text[start:]
    after = after.replace("ml-theory: 4", "ml-theory: 7", 1)
    data_copy.write("roles.yaml", before + after)
    line = line_of(before + after, "ml-theory: 7")
    assert data_copy.problems() == [
        f"data/roles.yaml:{line}: roles[1].skills.ml-theory: level 7 is outside 1-4"
    ]


def test_skill_level_for_unknown_and_non_base_axis(data_copy):
    text = data_copy.replace("roles.yaml", "ml-theory: 2", "ml-theori: 2")
    line = line_of(text, "ml-theori: 2")
    skills_line = line_of(text, "skills:")
    assert data_copy.problems() == [
        f"data/roles.yaml:{skills_line}: roles[0].skills: missing level for base axis 'ml-theory'",
        f"data/roles.yaml:{line}: roles[0].skills.ml-theori: unknown skill 'ml-theori' (known: "
        "ml-practice, software-engineering, ml-theory, ml-systems)",
    ]


def test_question_file_named_after_unknown_area(data_copy):
    data_copy.write("questions/cooking.yaml", data_copy.text("questions/culture.yaml"))
    (data_copy.dir / "questions" / "culture.yaml").unlink()
    assert data_copy.problems() == [
        "data/questions/cooking.yaml:1: file name 'cooking' is not an interview area; name the "
        "file after one of: ml-practice, software-engineering, ml-theory, ml-systems, ai-domain, "
        "culture"
    ]


def test_too_few_answer_guide_points(data_copy):
    text = data_copy.text("questions/ml-theory.yaml")
    red_flags = line_of(text, "red_flags:")
    strong = line_of(text, "strong:")
    lines = text.splitlines(keepends=True)
    kept = lines[:strong] + [lines[strong]] + lines[red_flags - 1 :]
    data_copy.write("questions/ml-theory.yaml", "".join(kept))
    assert data_copy.problems() == [
        f"data/questions/ml-theory.yaml:{strong}: questions[0].guide.strong: needs at least 3 "
        "items, found 1"
    ]


def test_empty_file(data_copy):
    data_copy.write("interviewing.yaml", "# only a comment\n")
    assert data_copy.problems() == ["data/interviewing.yaml:1: file is empty"]


def test_non_utf8_bytes(data_copy):
    data_copy.write("interviewing.yaml", b"principles:\n  - id: caf\xe9\n")
    assert data_copy.problems() == [
        "data/interviewing.yaml:2: file is not valid UTF-8 (byte 0xe9 at column 12); "
        "save it as UTF-8"
    ]


def test_unreadable_file(data_copy):
    (data_copy.dir / "interviewing.yaml").unlink()
    (data_copy.dir / "interviewing.yaml").mkdir()
    assert data_copy.problems() == ["data/interviewing.yaml:1: cannot read file (Is a directory)"]


def test_missing_file(data_copy):
    (data_copy.dir / "interviewing.yaml").unlink()
    assert data_copy.problems() == ["data/interviewing.yaml:1: file is missing"]


def test_every_problem_is_reported_in_one_run(data_copy):
    data_copy.replace("roles.yaml", "abbreviation: MLE", "abbreviation: yes")
    data_copy.write("interviewing.yaml", "")
    data_copy.replace("handbook.yaml", "title:", "titel:")
    problems = data_copy.problems()
    assert len(problems) == 4, problems
    assert [p.split(":")[0] for p in problems] == [
        "data/handbook.yaml",
        "data/handbook.yaml",
        "data/interviewing.yaml",
        "data/roles.yaml",
    ]


def test_calculator_rule_problem_points_at_its_yaml_line(data_copy):
    text = data_copy.text("composition.yaml")
    start = text.index("weights:")
    text = text[:start] + text[start:].replace("ml-scientist:", "ml-scientst:", 1)
    data_copy.write("composition.yaml", text)
    line = line_of(text, "ml-scientst:")
    assert data_copy.problems() == [
        f"data/composition.yaml:{line}: calculator.archetypes[0].weights.ml-scientst: "
        "unknown role 'ml-scientst'"
    ]
