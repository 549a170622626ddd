"""Ships the top-level questions/ and references/ folders inside the package as studylog.bank.*."""

from setuptools import find_packages, setup

BANK = {"studylog.bank.questions": "questions", "studylog.bank.references": "references"}

setup(
    packages=[*find_packages(include=["studylog", "studylog.*"]), *BANK],
    package_dir=BANK,
)
