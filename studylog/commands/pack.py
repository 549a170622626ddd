"""`studylog pack list|add|export`: load the bundled pack or a study group's pack folder into a database, and
write your own questions back out as a pack folder."""

from __future__ import annotations

import json
from pathlib import Path

import click

from studylog.commands.common import WEEK_NUMBER, with_database
from studylog.errors import StudylogError
from studylog.terminal import counted


@click.group()
def pack() -> None:
    """Load question packs into your database, and share your own questions as one.

    \b
    studylog pack list                      # the bundled pack and the packs this database holds
    studylog pack add boostcamp             # the bundled pack: weeks 1-5, 39 questions with checks
    studylog pack add ~/study-group/pack    # a folder (a git checkout); again after `git pull`
    studylog pack export ~/study-group/pack --week 5
    """


def _names(items) -> str:
    return ", ".join(items)


@pack.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per pack.")
@with_database
def pack_list(db, as_json: bool) -> None:
    """List the bundled pack and every pack whose questions this database holds."""
    from studylog.bank.pack_catalog import list_packs

    rows = list_packs(db)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    for row in rows:
        where = row["folder"] or "(not on this machine)"
        click.echo(f"{row['name']:<16} {row['questions_in_pack'] if row['questions_in_pack'] is not None else '-':>4} questions   "
                   f"{row['loaded']:>3} loaded here, {row['edited']} edited   {row['course'] or ''}   {where}")


@pack.command("add")
@click.argument("pack_ref", metavar="NAME|PATH")
@click.option("--week", "weeks", type=WEEK_NUMBER, multiple=True, help="Only this week's questions (repeatable).")
@click.option("--course", default=None, help="Load under this course instead of the pack's own.")
@click.option("--json", "as_json", is_flag=True, help="Print what was done as one JSON object.")
@with_database
def pack_add(db, pack_ref: str, weeks: tuple[int, ...], course: str | None, as_json: bool) -> None:
    """Load pack NAME (a bundled one) or the pack folder PATH into the database.

    Creates the weeks its questions name (under its course), adds new questions, updates the ones you did
    not edit since the last add, and skips (and lists, with why) the ones you edited. Its check modules and
    reference files go to `checks/<pack>/` beside the database, a file you edited there left as it is.
    Running it again changes nothing that is already there.
    """
    from studylog.bank.pack_catalog import add_pack

    done = add_pack(db, pack_ref, weeks=weeks or None, course=course)
    load, files = done.load, done.files
    if as_json:
        click.echo(json.dumps({"pack": load.pack, "added": load.added, "updated": load.updated, "unchanged": load.unchanged,
                               "skipped": [{"id": i, "why": why} for i, why in load.skipped], "weeks_created": load.weeks_created,
                               "files": {"copied": files.copied, "updated": files.updated, "unchanged": files.unchanged, "kept": files.kept} if files else None},
                              ensure_ascii=False))
        return
    click.echo(f"pack {load.pack}: {len(load.added)} added, {len(load.updated)} updated, {len(load.unchanged)} unchanged, "
               f"{len(load.skipped)} skipped" + (f"; weeks created: {_names(map(str, sorted(load.weeks_created)))}" if load.weeks_created else ""))
    for question, why in load.skipped:
        click.echo(f"  skipped {question}: {why}")
    if files is not None:
        click.echo(f"check files in {files.folder}: {len(files.copied)} copied, {len(files.updated)} updated, {len(files.unchanged)} unchanged"
                   + (f", {len(files.kept)} kept as you edited them: {_names(files.kept)}" if files.kept else ""))
    if not (load.added or load.updated) and not (files and (files.copied or files.updated)):
        click.echo("nothing to update: the database already holds this pack as it is")


@pack.command("export")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--week", type=WEEK_NUMBER, default=None, help="Only this week's questions.")
@click.option("--tag", default=None, help="Only questions with this tag.")
@with_database
def pack_export(db, folder: Path, week: int | None, tag: str | None) -> None:
    """Write your own questions (not those a pack loaded), their check modules and the reference files
    they read into FOLDER as a pack; other files there are left alone."""
    from studylog.bank.pack_export import export_pack

    report = export_pack(db, folder, week=week, tag=tag)
    click.echo(f"wrote {counted(len(report.questions), 'question')}, {counted(len(set(report.modules)), 'check module')}, "
               f"{counted(len(set(report.references)), 'reference file')} to {report.folder}")
    for question, why in report.left_out:
        click.echo(f"  left out {question}: {why}")
