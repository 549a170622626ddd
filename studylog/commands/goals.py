"""`studylog goal …`: list goals, record how each went, carry the unfinished ones on, see the streaks."""

from __future__ import annotations

from dataclasses import asdict

import click

from studylog.commands.common import COURSE_HELP, WEEK_NUMBER, count, with_database
from studylog.commands.render import print_json_object
from studylog.journal import goal_review, goals, weeks
from studylog.journal.goal_items import STATUSES, outcome_phrase
from studylog.journal.goal_stats import goal_stats


def goal_line(goal: goals.GoalView) -> str:
    """`#12  week 4  done     수학 기초를 쌓자 -> 완료`."""
    note = f" -> {goal.note}" if goal.note else ""
    return f"#{goal.id:<4} week {goal.week_number:<3} {goal.status:<8} {goal.text}{note}"


@click.group()
def goal() -> None:
    """Goals: the items of a week's 목표, 다음주 계획, 주말 계획 and Try sections, and how each went."""


@goal.command("list")
@click.option("--week", "week_number", type=WEEK_NUMBER, default=None, help="Only the goals set in this week.")
@click.option("--course", default=None, help=COURSE_HELP)
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Only goals with this status.")
@click.option("--json", "as_json", is_flag=True, help="Print the goals as a JSON list.")
@with_database(reads_only=True)
def goal_list(db, week_number, course, status, as_json) -> None:
    """List goals with their id, week and status (the ids are what `goal done ID` takes)."""
    if week_number is not None:
        week_ids = [weeks.find_week(db, week_number, course).id]
    else:
        week_ids = [s.week.id for s in weeks.list_weeks(db) if course is None or s.week.course == course]
    found = [g for week_id in week_ids for g in goals.week_goals(db, week_id) if status in (None, g.status)]
    if as_json:
        print_json_object([asdict(g) for g in found])
        return
    for g in found:
        click.echo(goal_line(g))
    if not found:
        click.echo("no goals: list items of a 목표, 다음주 계획, 주말 계획 or Try section are goals")


def _set(status: str):
    @with_database
    def command(db, goal_ids, note) -> None:
        for goal_id in goal_ids:
            click.echo(goal_line(goals.set_status(db, goal_id, status, note)))

    command.__doc__ = f"Mark goals GOAL_ID… {status}" + (" (open again)." if status == "open" else ".")
    command = click.option("--note", default=None, help="A note on how it went, e.g. '이번주에 진행 못함' ('' clears it).")(command)
    command = click.argument("goal_ids", nargs=-1, type=count(1), required=True)(command)
    return command


for _name, _status in (("done", "done"), ("partly", "partly"), ("drop", "dropped"), ("open", "open")):
    goal.command(_name)(_set(_status))


@goal.command("review")
@click.argument("week_number", type=WEEK_NUMBER)
@click.option("--course", default=None, help=COURSE_HELP)
@with_database
def goal_review_command(db, week_number, course) -> None:
    """Show the goals of the week before WEEK_NUMBER, as WEEK_NUMBER reviews them."""
    found = goal_review.review(db, weeks.find_week(db, week_number, course).id)
    if found.week_number is None:
        click.echo(f"week {week_number} is the first of its course: nothing to review")
        return
    for g in found.goals:
        carried = "  (carried on)" if g.id in found.carried else ""
        click.echo(f"#{g.id:<4} {g.text} -> {outcome_phrase(g.status, g.note)}{carried}")
    counts = found.counts
    click.echo(f"week {found.week_number}: {len(found.goals)} goals, {counts['done']} done, {counts['partly']} partly, "
               f"{counts['dropped']} dropped, {counts['open']} open")


@goal.command("carry")
@click.argument("week_number", type=WEEK_NUMBER)
@click.option("--course", default=None, help=COURSE_HELP)
@with_database
def goal_carry(db, week_number, course) -> None:
    """Carry the unfinished (open, partly) goals of the week before into WEEK_NUMBER's goals."""
    carried, _ = goal_review.carry(db, weeks.find_week(db, week_number, course).id)
    for g in carried:
        click.echo(f"carried #{g.carried_from_id} into week {week_number} as #{g.id}: {g.text}")
    if not carried:
        click.echo("nothing to carry: the week before has no open or partly done goal left")


@goal.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the counts and streaks as JSON.")
@with_database(reads_only=True)
def goal_stats_command(db, as_json) -> None:
    """Each week's goals by outcome, and goals carried week after week (3 running is flagged)."""
    outcomes, streaks = goal_stats(db)
    if as_json:
        print_json_object({
            "weeks": [{"course": o.course, "week": o.number, **{s: o.counts[s] for s in STATUSES}} for o in outcomes],
            "streaks": [{**asdict(s), "flagged": s.flagged} for s in streaks],
        })
        return
    click.echo("week  goals  done  partly  dropped  open")
    for o in outcomes:
        c = o.counts
        click.echo(f"{o.number:<5} {sum(c.values()):>5} {c['done']:>5} {c['partly']:>7} {c['dropped']:>8} {c['open']:>5}")
    if streaks:
        click.echo("\ncarried over:")
    for s in streaks:
        flag = "  ⚑ carried 3+ weeks: drop it, or make it smaller" if s.flagged else ""
        click.echo(f"  {s.weeks} weeks running (to week {s.last_week}, {s.status}): {s.text}{flag}")
