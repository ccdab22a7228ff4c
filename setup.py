"""The wheel carries the top-level resources/ folder as the package data `zapdesk/_resources`.

resources/ stays where it is for the checkout (packaging/dev/i18n, the spec, the tests);
this mapping is what a plain `pip install .` needs to find the translation catalogues and
icons. zapdesk/resources.py looks in the bundle, then here, then in the checkout.
"""

from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py


class BuildPy(build_py):
    """Also carries README.md (the operator's guide the Help menu opens) into _resources."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):  # the checkout's README is found in place
            return
        target = Path(self.build_lib, "zapdesk", "_resources")
        self.mkpath(str(target))
        self.copy_file("README.md", str(target / "README.md"))


setup(
    cmdclass={"build_py": BuildPy},
    packages=[*find_packages(include=["zapdesk*"]), "zapdesk._resources"],
    package_dir={"zapdesk._resources": "resources"},
    package_data={"zapdesk._resources": ["i18n/*.qm", "icons/zapdesk.svg",
                                         "icons/hicolor/*/apps/zapdesk.png"]},
)
