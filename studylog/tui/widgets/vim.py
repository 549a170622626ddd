"""A table and an option list that also move with vim keys (j/k, g/G, ctrl+d/u, l to open)."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList

from studylog.tui import keys


class VimTable(DataTable):
    """A row-cursor DataTable with vim movement; a column is a label, or (label, width) to cap its width."""

    BINDINGS = keys.bindings("table")

    def __init__(self, *columns: str | tuple[str, int], **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._columns = columns

    def on_mount(self) -> None:
        for column in self._columns:
            label, width = column if isinstance(column, tuple) else (column, None)
            self.add_column(label, width=width)

    def move_to_key(self, row_key: str) -> None:
        """Put the cursor on the row with this key, when it is there."""
        if row_key in self.rows:
            self.move_cursor(row=self.get_row_index(row_key))


class VimOptionList(OptionList):
    """An OptionList with vim movement."""

    BINDINGS = keys.bindings("options")
