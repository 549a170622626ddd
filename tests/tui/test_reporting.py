"""Workers' results: a load replaced by a newer one (exclusive cancels a thread worker but cannot stop it)
posts nothing, so an older read can never land after the newer one and show stale rows."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from textual.app import App
from textual.message import Message

from studylog.tui.reporting import background, post_if_current


class Loads(App[None]):
    """Two loads of one exclusive group; the first waits until told to finish."""

    @dataclass
    class Read(Message):
        label: str

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.shown: list[str] = []

    @background(group="load", exclusive=True)
    def load(self, label: str, wait: bool) -> None:
        if wait:
            self.release.wait(5)
        post_if_current(self, self.Read(label))

    def on_loads_read(self, message: Read) -> None:
        self.shown.append(message.label)


async def test_an_older_load_finishing_last_posts_nothing():
    app = Loads()
    async with app.run_test() as pilot:
        app.load("older", wait=True)
        await pilot.pause()
        app.load("newer", wait=False)  # cancels the older one, which is still reading
        await pilot.pause()
        app.release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.shown == ["newer"]
