"""The GitHub Pages workflow: its shape, the actions it uses, and that it runs what README.md says."""
from __future__ import annotations

import re

import pytest
import yaml
from mkdocs.config import load_config
from trees import REPO, article, content_tree, mkdocs_project

from digest.cli import main
from digest.shell.driver import configured_site_dir

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def readme_section(heading: str) -> str:
    """The README's text from the heading that contains `heading` to the next heading of any level."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^#+ [^\n]*{re.escape(heading)}[^\n]*\n(.*?)(?=^#+ |\Z)", text, re.M | re.S)
    assert match, f"README.md has no section '{heading}'"
    return match.group(1)


def shell_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"^```sh\n(.*?)^```", text, re.M | re.S)]


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def step_using(workflow: dict, job: str, action: str) -> dict:
    found = [s for s in steps(workflow, job) if s.get("uses", "").split("@")[0] == action]
    assert len(found) == 1, f"job {job} should use {action} once: {steps(workflow, job)}"
    return found[0]


def position(workflow: dict, job: str, step: dict) -> int:
    return steps(workflow, job).index(step)


def run_step(workflow: dict, job: str, command: str) -> dict:
    found = [s for s in steps(workflow, job) if s.get("run", "").strip() == command]
    assert len(found) == 1, f"job {job} should run `{command}` once"
    return found[0]


def test_runs_on_push_to_main_and_by_hand(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as true
    assert triggers["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in triggers


def test_permissions_and_concurrency_are_those_github_pages_documents(workflow):
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_every_action_is_githubs_own_at_a_release_tag(workflow):
    used = [s["uses"] for job in workflow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert {u.split("@")[0] for u in used} == {
        "actions/checkout", "actions/setup-python", "actions/configure-pages",
        "actions/upload-pages-artifact", "actions/deploy-pages",
    }
    for uses in used:
        assert re.fullmatch(r"actions/[a-z-]+@v\d+", uses), f"{uses} is not pinned to a major release"


def test_python_is_set_up_with_a_pip_cache_keyed_on_the_dependencies(workflow):
    setup = step_using(workflow, "build", "actions/setup-python")["with"]
    assert setup["cache"] == "pip"
    assert (REPO / setup["cache-dependency-path"]).is_file()
    minimum = re.search(r'requires-python = ">=(\d+\.\d+)"', (REPO / "pyproject.toml").read_text()).group(1)
    assert tuple(map(int, setup["python-version"].split("."))) >= tuple(map(int, minimum.split(".")))


def test_ci_runs_the_readme_test_command_before_the_build_and_the_build_is_the_readmes(workflow):
    test_command = [b for b in shell_blocks(readme_section("Two commands")) if "pytest" in b]
    build_command = shell_blocks(readme_section("GitHub Pages"))[0]
    assert len(test_command) == 1 and build_command == "digest build"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == test_command[0], ".ci/run ends with the README's test command"
    assert "python3 -m venv" in "\n".join(ci), ".ci/run tests in a fresh virtual environment"
    checkout = step_using(workflow, "build", "actions/checkout")
    tests = run_step(workflow, "build", "sh .ci/run")
    build = run_step(workflow, "build", build_command)
    upload = step_using(workflow, "build", "actions/upload-pages-artifact")
    order = [position(workflow, "build", s) for s in (checkout, tests, build, upload)]
    assert order == sorted(order), "checkout, tests, build and upload should run in that order"
    assert "if" not in build and "continue-on-error" not in tests, "a failing test must stop the deploy"


def test_the_build_gets_the_pages_address_as_site_url(workflow):
    pages = step_using(workflow, "build", "actions/configure-pages")
    build = run_step(workflow, "build", "digest build")
    assert position(workflow, "build", pages) < position(workflow, "build", build)
    assert build["env"]["SITE_URL"] == "${{{{ steps.{}.outputs.base_url }}}}/".format(pages["id"])


def test_site_url_comes_from_the_environment_with_a_default(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://someone.github.io/fork")
    assert load_config(str(REPO / "mkdocs.yml")).site_url == "https://someone.github.io/fork/"
    monkeypatch.delenv("SITE_URL")
    assert load_config(str(REPO / "mkdocs.yml")).site_url == "https://example.github.io/digest/"


def test_the_uploaded_folder_is_the_configured_site_dir(workflow):
    upload = step_using(workflow, "build", "actions/upload-pages-artifact")
    assert REPO / upload["with"]["path"] == configured_site_dir(REPO / "mkdocs.yml")


def test_deploy_job_deploys_the_build_to_the_github_pages_environment(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    step = step_using(workflow, "deploy", "actions/deploy-pages")
    assert deploy["environment"]["url"] == "${{{{ steps.{}.outputs.page_url }}}}".format(step["id"])


def test_digest_build_writes_into_the_configured_site_dir(tmp_path, capsys):
    content_tree(tmp_path, {"a.md": article("A report")})
    config = mkdocs_project(tmp_path)
    config.write_text(config.read_text(encoding="utf-8") + "site_dir: public\n", encoding="utf-8")
    assert main(["build", "-f", str(config)]) == 0
    assert (tmp_path / "public" / "articles" / "a" / "index.html").is_file()
    assert not (tmp_path / "site").exists()
    assert capsys.readouterr().out.strip() == f"built {tmp_path / 'public'}"


def test_sitemap_and_canonical_links_use_site_url_and_article_dates_not_the_clock(tmp_path, monkeypatch):
    content_tree(tmp_path, {"a.md": article("A", "2025-01-09"), "b.md": article("B", "2025-02-03T01:30:00+03:00")})
    config = mkdocs_project(tmp_path, site_url="https://someone.github.io/fork/")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")  # what MkDocs would otherwise date pages with
    assert main(["build", "-f", str(config)]) == 0
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    dates = dict(re.findall(r"<loc>(.*?)</loc>\s*<lastmod>(.*?)</lastmod>", sitemap))
    assert dates["https://someone.github.io/fork/articles/a/"] == "2025-01-09"
    assert dates["https://someone.github.io/fork/articles/b/"] == "2025-02-03"
    assert set(dates.values()) == {"2025-01-09", "2025-02-03"}
    page = (tmp_path / "site" / "articles" / "a" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://someone.github.io/fork/articles/a/">' in page
